namespace NotifyHub.Regulator.Rules;

/// <summary>
/// One jurisdiction's breach-notification rules, as a privacy lawyer reads and corrects them in <c>Rules/*.yaml</c>.
/// Property names are the YAML keys (camelCase); <see cref="RuleFileLoader"/> checks every file at start.
/// </summary>
public sealed class RuleFile
{
    /// <summary>The code obligations carry: ISO 3166-1 alpha-2, <c>US-XX</c> for a state, <c>EU</c> for the GDPR file.</summary>
    public string Jurisdiction { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The statute(s) the file implements, cited as a lawyer would.</summary>
    public string Law { get; set; } = "";

    public string Authority { get; set; } = "";

    /// <summary>IANA zone deadlines are shown in (and days end in).</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>BCP 47 language of the authority's report.</summary>
    public string Language { get; set; } = "";

    /// <summary>Incident jurisdiction codes this file covers; <c>US</c> also covers every <c>US-XX</c>.</summary>
    public List<string> AppliesTo { get; set; } = [];

    /// <summary>Only incidents involving one of these data categories (e.g. HIPAA: health). Empty: any.</summary>
    public List<string> OnlyForDataCategories { get; set; } = [];

    /// <summary>The rules bind only incidents the organisation became aware of on or after this date.</summary>
    public string? InForceFrom { get; set; }

    /// <summary><see cref="InForceFrom"/> parsed by the loader.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public DateOnly? InForceDate { get; set; }

    /// <summary>For working-day deadlines: the weekend and public holidays to skip.</summary>
    public CalendarSpec? Calendar { get; set; }

    /// <summary>GDPR: one competent authority per member state; obligations are then per <c>EU-XX</c>.</summary>
    public Dictionary<string, MemberState>? MemberStates { get; set; }

    public List<ObligationRule> Obligations { get; set; } = [];

    /// <summary>Set by the loader: the file the rules came from, for error messages and the obligation's rule.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string FileName { get; set; } = "";
}

/// <summary>A GDPR member state's supervisory authority.</summary>
public sealed class MemberState
{
    public string Authority { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public string Language { get; set; } = "";
}

/// <summary>Which days count as working days.</summary>
public sealed class CalendarSpec
{
    /// <summary>A country the PublicHoliday package computes holidays for (e.g. <c>Brazil</c>); empty: none.</summary>
    public string? PublicHolidays { get; set; }

    /// <summary>Further non-working days, listed by the lawyer (e.g. holidays the package does not know).</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary><see cref="Holidays"/> parsed by the loader.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public HashSet<DateOnly> HolidayDates { get; set; } = [];
}

namespace NotifyHub.Regulator.Rules;

/// <summary>One thing the organisation must do: notify someone, by a deadline, with given content.</summary>
public sealed class ObligationRule
{
    /// <summary>Stable within the file; part of the obligation's id, so filings survive recomputation.</summary>
    public string Id { get; set; } = "";

    /// <summary>One of <see cref="ObligationKinds.All"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Who receives it when not the file's authority (e.g. "Attorney General", "Prominent media outlets").</summary>
    public string? Recipient { get; set; }

    /// <summary>What triggers it; absent: every incident the file covers.</summary>
    public Condition? When { get; set; }

    public DeadlineRule Deadline { get; set; } = new();

    /// <summary>Law and article the obligation comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>The report's required content, in the order the authority asks for it.</summary>
    public List<ContentItem> Content { get; set; } = [];

    /// <summary>What the notice must not state (<see cref="Letters.NoticeCheck.Codes"/>), checked against the incident's templates.</summary>
    public List<string> NoticeMustNotState { get; set; } = [];
}

/// <summary>The obligation kinds of the public contract.</summary>
public static class ObligationKinds
{
    public const string RegulatorNotice = "regulator-notice";
    public const string RegulatorPreliminary = "regulator-preliminary";
    public const string RegulatorFinal = "regulator-final";
    public const string IndividualNotice = "individual-notice";
    public const string AttorneyGeneralNotice = "attorney-general-notice";
    public const string MediaNotice = "media-notice";
    public const string CreditAgenciesNotice = "credit-agencies-notice";
    public const string RiskAssessment = "risk-assessment";

    public static IReadOnlyList<string> All { get; } =
    [
        RegulatorNotice, RegulatorPreliminary, RegulatorFinal, IndividualNotice, AttorneyGeneralNotice, MediaNotice,
        CreditAgenciesNotice, RiskAssessment,
    ];
}

/// <summary>One required item of a report, and where NotifyHub finds its value (or nothing: to be completed).</summary>
public sealed class ContentItem
{
    /// <summary>The item's name in the report's language.</summary>
    public string Name { get; set; } = "";

    /// <summary>The name in other report languages (e.g. <c>fr</c> for the CNIL), keyed by language.</summary>
    public Dictionary<string, string> Names { get; set; } = [];

    /// <summary>A fact NotifyHub knows (see <see cref="Drafts.DraftFacts"/>); absent: the officer completes it.</summary>
    public string? Fill { get; set; }

    /// <summary>The article that requires the item.</summary>
    public string? Source { get; set; }
}

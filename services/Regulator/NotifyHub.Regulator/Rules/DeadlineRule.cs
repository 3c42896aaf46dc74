namespace NotifyHub.Regulator.Rules;

/// <summary>
/// When the obligation falls due: <see cref="Within"/> <see cref="Unit"/> from the <see cref="From"/> clock. Without
/// <see cref="Within"/> the law sets no period ("as soon as practicable"): <see cref="Text"/> says what it does set.
/// </summary>
public sealed class DeadlineRule
{
    public int? Within { get; set; }

    /// <summary><c>hours</c> (elapsed, through weekends), <c>calendar-days</c> or <c>working-days</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>One of <see cref="Clocks.All"/>.</summary>
    public string From { get; set; } = "";

    /// <summary>An internal target (e.g. a regulator's guidance), not a period in the statute.</summary>
    public bool Target { get; set; }

    /// <summary>The statute's words for the timing, shown beside the date.</summary>
    public string? Text { get; set; }

    /// <summary>A longer or shorter period when a condition holds (Japan: 60 days for a wrongful purpose).</summary>
    public DeadlineVariant? Instead { get; set; }
}

public sealed class DeadlineVariant
{
    public Condition When { get; set; } = new();

    public int Within { get; set; }

    public string? Source { get; set; }
}

/// <summary>The clocks a deadline can run from.</summary>
public static class Clocks
{
    public const string Awareness = "awareness";
    public const string Determination = "determination";
    public const string Discovery = "discovery";
    public const string Assessment = "assessment";
    public const string EndOfDiscoveryYear = "end-of-discovery-year";

    /// <summary><c>filed:&lt;kind&gt;</c>: when the obligation of that kind, same jurisdiction, was filed.</summary>
    public const string FiledPrefix = "filed:";

    public static IReadOnlyList<string> Fixed { get; } = [Awareness, Determination, Discovery, Assessment, EndOfDiscoveryYear];

    public static bool IsKnown(string clock) =>
        Fixed.Contains(clock) || (clock.StartsWith(FiledPrefix, StringComparison.Ordinal) && ObligationKinds.All.Contains(clock[FiledPrefix.Length..]));
}

public static class DeadlineUnits
{
    public const string Hours = "hours";
    public const string CalendarDays = "calendar-days";
    public const string WorkingDays = "working-days";

    public static IReadOnlyList<string> All { get; } = [Hours, CalendarDays, WorkingDays];
}

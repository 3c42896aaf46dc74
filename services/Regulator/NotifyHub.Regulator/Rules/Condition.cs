namespace NotifyHub.Regulator.Rules;

/// <summary>
/// What triggers an obligation. Every condition given must hold; <see cref="AnyOf"/> holds when one of its conditions
/// does. Counts are the affected people of the obligation's jurisdiction.
/// </summary>
public sealed class Condition
{
    /// <summary>
    /// <c>likely</c>: only when this jurisdiction's risk assessment found harm likely (until it is recorded: needs an
    /// assessment). <c>unless-unlikely</c>: required unless the assessment found harm unlikely.
    /// </summary>
    public string? Harm { get; set; }

    public Threshold? Affected { get; set; }

    /// <summary>Compared with the largest count of any one US state (HIPAA's media notice).</summary>
    public Threshold? AffectedInOneState { get; set; }

    /// <summary>Holds when the incident involves any of these data categories.</summary>
    public List<string>? DataCategories { get; set; }

    /// <summary>Holds when the incident's cause is one of these.</summary>
    public List<string>? Causes { get; set; }

    public List<Condition>? AnyOf { get; set; }

    /// <summary>Words for the reason shown when this condition decides (e.g. "① sensitive personal information").</summary>
    public string? Note { get; set; }
}

/// <summary>A count comparison, written as the statute words it: "at least 250", "more than 500", "fewer than 500".</summary>
public sealed class Threshold
{
    public long? AtLeast { get; set; }

    public long? MoreThan { get; set; }

    public long? FewerThan { get; set; }

    public bool Holds(long count) =>
        (AtLeast is null || count >= AtLeast) && (MoreThan is null || count > MoreThan) && (FewerThan is null || count < FewerThan);

    public override string ToString() =>
        string.Join(" and ", new[]
        {
            AtLeast is { } a ? $"at least {a:N0}" : null,
            MoreThan is { } m ? $"more than {m:N0}" : null,
            FewerThan is { } f ? $"fewer than {f:N0}" : null,
        }.Where(s => s is not null));
}

using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Regulator;

/// <summary>Bound from <c>NotifyHub:Regulator</c>.</summary>
public sealed class RegulatorOptions
{
    public const string Section = "NotifyHub:Regulator";

    /// <summary>Where the rule files are; default: <c>Rules/</c> beside the binary.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>The organisation that reports, as drafts name it.</summary>
    [MaxLength(200)]
    public string OrganisationName { get; set; } = "";

    /// <summary>The DPO or contact point drafts give the authorities (a role address, not a person's private one).</summary>
    [MaxLength(400)]
    public string ContactPoint { get; set; } = "";

    /// <summary>How long before a deadline <c>ReportDue</c> is published.</summary>
    [Range(1, 24 * 30)]
    public int ReminderLeadHours { get; set; } = 24;

    /// <summary>How often the reminder scheduler looks for deadlines.</summary>
    [Range(1, 3600)]
    public int ReminderScanSeconds { get; set; } = 60;
}

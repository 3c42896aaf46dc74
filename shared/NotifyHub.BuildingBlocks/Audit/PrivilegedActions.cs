namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// The audit codes of the modules' privileged actions (the privacy library's own are in
/// <see cref="NotifyHub.Privacy.Audit.AuditActions"/>). One place, so docs/security/audit.md and auditors' queries
/// can rely on them.
/// </summary>
public static class PrivilegedActions
{
    public const string IncidentOpened = "incident.open";
    public const string IncidentClosed = "incident.close";
    public const string ImportStarted = "import.start";
    public const string ImportFinished = "import.finish";
    public const string ImportResumed = "import.resume";
    public const string ImportErrorsDownloaded = "import.errors_download";
    public const string TemplateCreated = "template.create";
    public const string CampaignCreated = "campaign.create";
    public const string CampaignLaunched = "campaign.launch";
    public const string CampaignPaused = "campaign.pause";
    public const string CampaignResumed = "campaign.resume";
    public const string CampaignCancelled = "campaign.cancel";
    public const string VendorRegistered = "vendor.register";
    public const string PrintHouseRegistered = "print_house.register";
    public const string PrintHouseRevoked = "print_house.revoke";
    public const string LetterBatchRefused = "letter_batch.refuse";
    public const string LetterReturnsApplied = "letter_returns.apply";
    public const string AuditVerified = "audit.verify";

    /// <summary>A CLI verb that performed no other audited action (a dry run, nothing due, a refusal).</summary>
    public static string CliVerb(string verb) => "cli." + verb.Replace(' ', '_');
}

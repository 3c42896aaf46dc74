namespace NotifyHub.Privacy.Audit;

/// <summary>How an audited action ended.</summary>
public static class AuditOutcomes
{
    public const string Granted = "granted";
    public const string Denied = "denied";
    public const string Blocked = "blocked";
    public const string Failed = "failed";
    public const string Done = "done";
}

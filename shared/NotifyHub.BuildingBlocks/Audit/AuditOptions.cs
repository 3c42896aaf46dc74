namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>Bound from <c>NotifyHub:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "NotifyHub:Audit";

    /// <summary>
    /// How often the chain's head is signed and written to the checkpoint sink. Entries appended after the last
    /// checkpoint are only as safe as the database until the next one, so keep it short.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);
}

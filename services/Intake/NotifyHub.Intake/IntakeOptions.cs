using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Intake;

/// <summary>Bound from <c>NotifyHub:Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "NotifyHub:Intake";

    /// <summary>Days a closed incident's data is kept before <c>notifyhub incidents purge</c> shreds it.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>People per committed batch (one transaction, one set of events); also bounds bus message size.</summary>
    [Range(10, 10000)]
    public int ImportBatchSize { get; set; } = 1000;

    /// <summary>Batches being prepared ahead of the writer: how much of the CPU work overlaps the database's.</summary>
    [Range(1, 16)]
    public int ImportPipelineDepth { get; set; } = 3;
}

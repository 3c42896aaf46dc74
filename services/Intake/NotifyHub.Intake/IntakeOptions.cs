using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Intake;

/// <summary>Bound from <c>NotifyHub:Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "NotifyHub:Intake";

    /// <summary>Days a closed incident's data is kept before <c>notifyhub incidents purge</c> shreds it.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>
    /// Rows per committed batch (one transaction). Larger batches cost the writer fewer round trips a row; memory does
    /// not grow with them, since a batch is prepared in parts of 1,000 rows and its messages carry at most 1,000 people.
    /// </summary>
    [Range(10, 10000)]
    public int ImportBatchSize { get; set; } = 5000;

    /// <summary>
    /// Parts (of up to 1,000 rows) queued ahead of the writer, each encrypted on its own thread: how much of the CPU
    /// work overlaps the database's. 0 (the default) is one fewer than the machine's cores, at least one, since the
    /// writer and the database need a core of their own (<see cref="PipelineDepth"/>).
    /// </summary>
    [Range(0, 16)]
    public int ImportPipelineDepth { get; set; }

    /// <summary>
    /// <see cref="ImportPipelineDepth"/>, or when 0 one part a core beyond the writer's (at most 16). On 2 cores three
    /// parts ahead instead of one only made the preparing threads take turns: no faster, and 40 to 60 MB more at the
    /// peak (intake's README).
    /// </summary>
    public int PipelineDepth => DepthFor(ImportPipelineDepth, Environment.ProcessorCount);

    internal static int DepthFor(int configured, int cores) => configured > 0 ? configured : Math.Clamp(cores - 1, 1, 16);

    /// <summary>
    /// Largest import body in bytes (default 2 GiB): the upload is spooled to the data volume, which also holds the
    /// databases, so one request must not be able to fill it. A larger body is refused with 413 <c>import_too_large</c>.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxImportBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Row issues (rejections and warnings) stored per import for the errors CSV; past it only the counts grow, so a
    /// file broken on every line cannot fill the issues table.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxStoredIssues { get; set; } = 100_000;
}

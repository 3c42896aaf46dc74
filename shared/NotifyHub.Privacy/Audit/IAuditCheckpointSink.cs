namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Where signed audit checkpoints go: somewhere the database's users cannot rewrite. The default is a file under the
/// data directory (<see cref="FileAuditCheckpointSink"/>); register another implementation before
/// <c>AddNotifyHubPrivacy</c> to ship them to an append-only log (a WORM bucket, a transparency log, a SIEM).
/// Lines are opaque to the sink: one checkpoint per line, signed, see <see cref="AuditCheckpoint"/>.
/// </summary>
public interface IAuditCheckpointSink
{
    /// <summary>A human-readable name for messages, e.g. the file path.</summary>
    string Description { get; }

    Task AppendAsync(string line, CancellationToken cancellationToken = default);

    /// <summary>Every line written so far, oldest first (an external log may return only its recent ones).</summary>
    Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken = default);
}

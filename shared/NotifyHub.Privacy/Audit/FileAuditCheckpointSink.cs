using NotifyHub.Privacy.Keys;
using System.Text;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The default checkpoint sink: <c>{data}/audit/checkpoints</c>, one line per checkpoint, only ever appended, mode
/// 0600 in a 0700 folder, owned by the NotifyHub user. The database's users (a DBA, a compromised module with SQL
/// access) cannot reach it; whoever owns the NotifyHub account can, which is why an external sink is better.
/// </summary>
public sealed class FileAuditCheckpointSink(LocalKeyRingOptions options) : IAuditCheckpointSink
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path => System.IO.Path.Combine(System.IO.Path.GetFullPath(options.DataDirectory), "audit", "checkpoints");

    public string Description => Path;

    public async Task AppendAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        var fileOptions = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // One writer at a time in this process; across processes, a short append to an O_APPEND file is not interleaved.
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var stream = new FileStream(Path, fileOptions);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\n"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(Path, cancellationToken);
        return [.. lines.Where(l => l.Length > 0)];
    }
}

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// A print house's exchange area: <c>incoming/</c> (our batches) and <c>outgoing/</c> (its return files), on its SFTP
/// server (<see cref="SftpDropBox"/>) or in a local folder (<see cref="FolderDropBox"/>).
/// </summary>
public interface IDropBox : IAsyncDisposable
{
    Task<bool> ExistsAsync(string folder, string name, CancellationToken ct);

    /// <summary>
    /// Writes <c>.{name}.part</c> then renames it to <paramref name="name"/>, replacing a file of that name: a reader
    /// never sees a half-written file under its final name, and an upload cut short is replaced by the next one (the
    /// temporary name is the same each time, so nothing accumulates).
    /// </summary>
    Task PutAsync(string folder, string name, byte[] content, CancellationToken ct);

    /// <summary>The names of the regular files in <paramref name="folder"/> (none when it does not exist).</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct);

    Task<byte[]> ReadAsync(string folder, string name, CancellationToken ct);

    /// <summary>Moves a file into <paramref name="toFolder"/> (created if missing), replacing one of the same name.</summary>
    Task MoveAsync(string folder, string name, string toFolder, CancellationToken ct);
}

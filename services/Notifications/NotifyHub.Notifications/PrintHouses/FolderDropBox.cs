using NotifyHub.BuildingBlocks.Hosting;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>The exchange as a local folder (embedded defaults, or a share the print house mounts).</summary>
public sealed class FolderDropBox(string root) : IDropBox
{
    public string Root { get; } = root;

    public Task<bool> ExistsAsync(string folder, string name, CancellationToken ct) => Task.FromResult(File.Exists(Path.Combine(Root, folder, name)));

    public async Task PutAsync(string folder, string name, byte[] content, CancellationToken ct)
    {
        var directory = Path.Combine(Root, folder);
        PrivateDataDirectory.CreateFolder(directory);
        var temp = Path.Combine(directory, DropBoxFolders.TempName(name));
        await using (var file = new FileStream(temp, PrivateDataDirectory.NewFile()))
        {
            await file.WriteAsync(content, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(directory, name), overwrite: true);
    }

    public Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct)
    {
        var directory = Path.Combine(Root, folder);
        IReadOnlyList<string> names = Directory.Exists(directory) ? [.. Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>()] : [];
        return Task.FromResult(names);
    }

    public Task<byte[]> ReadAsync(string folder, string name, CancellationToken ct) => File.ReadAllBytesAsync(Path.Combine(Root, folder, name), ct);

    public Task MoveAsync(string folder, string name, string toFolder, CancellationToken ct)
    {
        PrivateDataDirectory.CreateFolder(Path.Combine(Root, toFolder));
        File.Move(Path.Combine(Root, folder, name), Path.Combine(Root, toFolder, name), overwrite: true);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

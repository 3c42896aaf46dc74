using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// The exchange on the print house's SFTP server, paths relative to the login folder. The server's host key must match
/// the fingerprint registered with the print house, or the connection is refused before authentication: our key or
/// password is never offered to a server we cannot identify.
/// </summary>
public sealed partial class SftpDropBox : IDropBox
{
    private readonly SftpClient client;

    private SftpDropBox(SftpClient client) => this.client = client;

    public static async Task<SftpDropBox> ConnectAsync(PrintHouse house, PrintHouseOptions options, ILogger logger, CancellationToken ct)
    {
        var user = house.SftpUser ?? throw new DropBoxException("sftp_no_user", "The print house has no SFTP user.");
        var methods = new List<AuthenticationMethod>();
        if (!string.IsNullOrEmpty(options.SftpPrivateKeyPath))
        {
            var key = string.IsNullOrEmpty(options.SftpPrivateKeyPassphrase)
                ? new PrivateKeyFile(options.SftpPrivateKeyPath)
                : new PrivateKeyFile(options.SftpPrivateKeyPath, options.SftpPrivateKeyPassphrase);
            methods.Add(new PrivateKeyAuthenticationMethod(user, key));
        }

        if (!string.IsNullOrEmpty(options.SftpPassword))
        {
            methods.Add(new PasswordAuthenticationMethod(user, options.SftpPassword));
        }

        if (methods.Count == 0)
        {
            throw new DropBoxException("sftp_no_credential",
                $"No SFTP credential is configured ({PrintHouseOptions.Section}:SftpPrivateKeyPath or SftpPassword).");
        }

        var client = new SftpClient(new ConnectionInfo(house.SftpHost!, house.SftpPort ?? 22, user, [.. methods]) { Timeout = options.SftpTimeout });
        string? offered = null;
        client.HostKeyReceived += (_, e) =>
        {
            offered = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = string.Equals(offered, house.SftpHostKeySha256, StringComparison.Ordinal);
        };
        try
        {
            await client.ConnectAsync(ct);
            return new SftpDropBox(client);
        }
        catch (SshConnectionException e) when (offered is not null && offered != house.SftpHostKeySha256)
        {
            client.Dispose();
            LogHostKeyRefused(logger, house.Id, house.SftpHost!, offered, house.SftpHostKeySha256 ?? "(none)");
            throw new DropBoxException("sftp_host_key_mismatch",
                $"The SFTP server offered host key {offered}, not the pinned {house.SftpHostKeySha256}.", e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task<bool> ExistsAsync(string folder, string name, CancellationToken ct) => client.ExistsAsync($"{folder}/{name}", ct);

    public async Task PutAsync(string folder, string name, byte[] content, CancellationToken ct)
    {
        await EnsureFolderAsync(folder, ct);
        var temp = $"{folder}/{DropBoxFolders.TempName(name)}";
        using (var stream = new MemoryStream(content, writable: false))
        {
            await client.UploadFileAsync(stream, temp, true, null, ct);
        }

        // posix-rename@openssh.com replaces an existing file atomically; plain SFTP v3 rename refuses to.
        client.RenameFile(temp, $"{folder}/{name}", isPosix: true);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct)
    {
        if (!await client.ExistsAsync(folder, ct))
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var file in client.ListDirectoryAsync(folder, ct))
        {
            if (file.IsRegularFile)
            {
                names.Add(file.Name);
            }
        }

        return names;
    }

    public async Task<byte[]> ReadAsync(string folder, string name, CancellationToken ct)
    {
        using var content = new MemoryStream();
        await client.DownloadFileAsync($"{folder}/{name}", content, ct);
        return content.ToArray();
    }

    public async Task MoveAsync(string folder, string name, string toFolder, CancellationToken ct)
    {
        await EnsureFolderAsync(toFolder, ct);
        client.RenameFile($"{folder}/{name}", $"{toFolder}/{name}", isPosix: true);
    }

    private async Task EnsureFolderAsync(string folder, CancellationToken ct)
    {
        var path = "";
        foreach (var part in folder.Split('/'))
        {
            path = path.Length == 0 ? part : $"{path}/{part}";
            if (!await client.ExistsAsync(path, ct))
            {
                await client.CreateDirectoryAsync(path, ct);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            client.Disconnect();
        }

        client.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused the SFTP server of print house {PrintHouseId} at {Host}: it offered host key {Offered}, the pinned key is {Pinned}")]
    private static partial void LogHostKeyRefused(ILogger logger, Guid printHouseId, string host, string offered, string pinned);
}

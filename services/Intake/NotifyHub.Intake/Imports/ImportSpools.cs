using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// Where spooled imports live (<c>{data}/imports/{importId}.spool</c>) and the life of their keys: one
/// <see cref="KeyKind.ImportSpool"/> key per import, created when the upload is spooled, kept wrapped by the root key
/// in the privacy store while the import runs (so a restart can resume it), destroyed with the file when it ends.
/// </summary>
public sealed class ImportSpools(IServiceScopeFactory scopes, IOptions<NotifyHubOptions> hub)
{
    public string Directory => Path.Combine(hub.Value.FullDataDirectory, "imports");

    /// <summary>Spools an upload under a new key; null (key destroyed, nothing on disk) when it is too large.</summary>
    internal async Task<ImportSpool?> WriteAsync(Guid importId, Stream body, long maxBytes, CancellationToken ct)
    {
        var key = await WithKeysAsync(keys => keys.GetCurrentAsync(importId, KeyKind.ImportSpool, ct).AsTask());
        try
        {
            var spool = await ImportSpool.WriteAsync(body, Directory, importId, key, maxBytes, ct);
            if (spool is null)
            {
                await DestroyAsync(importId);
            }

            return spool;
        }
        catch
        {
            await DestroyAsync(importId);
            throw;
        }
    }

    /// <summary>The spool of an import interrupted by a restart.</summary>
    /// <exception cref="ImportSpoolUnavailableException">Gone or unreadable; the message says which, never a value.</exception>
    internal async Task<ImportSpool> OpenAsync(Guid importId, CancellationToken ct)
    {
        DataKey key;
        try
        {
            key = await WithKeysAsync(keys => keys.GetAsync(new KeyId(importId, KeyKind.ImportSpool, 1), ct).AsTask());
        }
        catch (Exception e) when (e is KeyNotFoundException or KeyDestroyedException)
        {
            throw new ImportSpoolUnavailableException("the spooled file's key is gone", e);
        }

        try
        {
            return ImportSpool.Open(Directory, importId, key);
        }
        catch (FileNotFoundException e)
        {
            throw new ImportSpoolUnavailableException("the spooled file is gone", e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new ImportSpoolUnavailableException("the spooled file cannot be read", e);
        }
    }

    /// <summary>Crypto-shreds the spool (its key first, so a file that cannot be deleted is noise), then deletes the file.</summary>
    internal async Task DestroyAsync(Guid importId)
    {
        await WithKeysAsync(keys => keys.DestroyAsync(importId, KeyKind.ImportSpool, CancellationToken.None));
        File.Delete(ImportSpool.PathOf(Directory, importId));
    }

    /// <summary>The imports that have a spool on disk, found by file name.</summary>
    internal IReadOnlyList<Guid> OnDisk() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.spool")
                .Select(f => Guid.TryParseExact(Path.GetFileNameWithoutExtension(f), "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)]
            : [];

    private async Task<T> WithKeysAsync<T>(Func<KeyStore, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KeyStore>());
    }
}

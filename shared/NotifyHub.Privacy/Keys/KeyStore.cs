using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// The key hierarchy's store: creates, finds, rotates and destroys data keys, keeping them only
/// wrapped by the root key. Scoped (it uses the scope's <see cref="PrivacyDbContext"/>); the
/// unwrapped keys live in the process-wide <see cref="DataKeyCache"/>. The context is taken from the scope only
/// when a key is not in the cache: most calls (a hot path's index or decrypt) never touch the database, and building
/// a context per request for them was a measurable share of a portal status check.
/// </summary>
public sealed class KeyStore(Func<PrivacyDbContext> openDb, IRootKeyProvider roots, DataKeyCache cache, TimeProvider time)
{
    public KeyStore(PrivacyDbContext db, IRootKeyProvider roots, DataKeyCache cache, TimeProvider time)
        : this(() => db, roots, cache, time)
    {
    }

    private PrivacyDbContext Db => field ??= openDb();

    private DbSet<StoredKey> Keys => Db.Set<StoredKey>();

    /// <summary>The key new data is written with, created at version 1 on first use.</summary>
    /// <exception cref="KeyDestroyedException">The owner's key was destroyed: it never gets a new one.</exception>
    public async ValueTask<DataKey> GetCurrentAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetCurrent(ownerId, kind, out var cached))
        {
            return cached;
        }

        var latest = await LatestAsync(ownerId, kind, cancellationToken)
            ?? await CreateFirstAsync(ownerId, kind, cancellationToken);
        return await OpenAsync(latest, isCurrent: true, cancellationToken);
    }

    /// <summary>A specific version, for reading what it encrypted.</summary>
    /// <exception cref="KeyNotFoundException">No such key was ever created.</exception>
    /// <exception cref="KeyDestroyedException">The key was destroyed.</exception>
    public async ValueTask<DataKey> GetAsync(KeyId id, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(id, out var cached))
        {
            return cached;
        }

        var stored = await Keys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.OwnerId == id.OwnerId && k.Kind == id.Kind && k.Version == id.Version, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no {id}.");
        return await OpenAsync(stored, isCurrent: false, cancellationToken);
    }

    public Task<KeyId> RotateDataKeyAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        RotateAsync(incidentId, KeyKind.IncidentData, cancellationToken);

    /// <summary>Adds a version for new writes; older versions stay readable.</summary>
    public async Task<KeyId> RotateAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken = default)
    {
        if (kind == KeyKind.IncidentIndex)
        {
            throw new InvalidOperationException("Blind index keys are never rotated: indexes made with the old key would stop matching.");
        }

        if (kind == KeyKind.AuditChain)
        {
            throw new InvalidOperationException("The audit chain key is never rotated: entries sealed with it would stop verifying.");
        }

        var latest = await LatestAsync(ownerId, kind, cancellationToken);
        if (latest is { WrappedMaterial: null })
        {
            throw new KeyDestroyedException(ownerId, kind);
        }

        var root = await roots.GetRootKeyAsync(cancellationToken);
        var stored = await InsertAsync(root, new KeyId(ownerId, kind, (latest?.Version ?? 0) + 1), cancellationToken);
        cache.ForgetCurrent(ownerId, kind);
        return stored.Id;
    }

    /// <summary>
    /// Re-wraps every live key under <paramref name="newRoot"/> in one transaction; no data is
    /// touched. Afterwards only the new root opens the store: switch the provider to it.
    /// </summary>
    public async Task<int> RotateRootAsync(RootKey newRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newRoot);
        var oldRoot = await roots.GetRootKeyAsync(cancellationToken);
        if (newRoot.Id == oldRoot.Id)
        {
            throw new ArgumentException("The new root key needs an id of its own, so rows show which root wrapped them.", nameof(newRoot));
        }

        return await Db.InTransactionAsync(async ct =>
        {
            var live = await Keys.Where(k => k.WrappedMaterial != null).ToListAsync(ct);
            try
            {
                foreach (var stored in live)
                {
                    stored.WrappedMaterial = KeyWrapper.Rewrap(oldRoot, newRoot, stored);
                    stored.RootKeyId = newRoot.Id;
                }

                await Db.SaveChangesAsync(ct);
                return live.Count;
            }
            finally
            {
                live.ForEach(k => Db.Entry(k).State = EntityState.Detached);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Crypto-shredding: clears the wrapped material of every version and marks them destroyed.
    /// Any decrypt with them throws <see cref="KeyDestroyedException"/> from now on, in this
    /// process at once. An owner with no key yet gets a destroyed marker, so it never gets one.
    /// </summary>
    public async Task<int> DestroyAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken = default)
    {
        if (kind == KeyKind.AuditChain)
        {
            throw new InvalidOperationException("The audit chain key is never destroyed: the audit log is evidence that must stay verifiable.");
        }

        var destroyed = await Db.InTransactionAsync(async ct =>
        {
            if (Db.IsSqlite)
            {
                // Overwrite the freed bytes in the database file instead of leaving them in free pages.
                await Db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", ct);
            }

            var now = time.Now();
            var rows = await Keys.Where(k => k.OwnerId == ownerId && k.Kind == kind).ToListAsync(ct);
            if (rows.Count == 0)
            {
                rows.Add(Keys.Add(new StoredKey { OwnerId = ownerId, Kind = kind, Version = 1, CreatedAt = now }).Entity);
            }

            try
            {
                foreach (var row in rows)
                {
                    row.WrappedMaterial = null;
                    row.DestroyedAt ??= now;
                }

                await Db.SaveChangesAsync(ct);
                return rows.Count;
            }
            finally
            {
                rows.ForEach(k => Db.Entry(k).State = EntityState.Detached);
            }
        }, cancellationToken);
        cache.Destroy(ownerId, kind);
        return destroyed;
    }

    public Task<bool> IsDestroyedAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken = default) =>
        Keys.AnyAsync(k => k.OwnerId == ownerId && k.Kind == kind && k.DestroyedAt != null, cancellationToken);

    /// <summary>Run at start: fails with a one-line message when the root key cannot open the stored keys.</summary>
    /// <exception cref="RootKeyUnavailableException"/>
    public async Task VerifyRootKeyAsync(CancellationToken cancellationToken = default)
    {
        var root = await roots.GetRootKeyAsync(cancellationToken);
        var others = await Keys.Where(k => k.WrappedMaterial != null && k.RootKeyId != root.Id)
            .Select(k => k.RootKeyId).Distinct().OrderBy(id => id).Take(3).ToListAsync(cancellationToken);
        if (others.Count > 0)
        {
            throw KeyWrapper.Mismatch(root, $"stored keys are wrapped by root key {string.Join(", ", others)}");
        }

        var sample = await Keys.AsNoTracking().Where(k => k.WrappedMaterial != null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (sample is not null)
        {
            KeyWrapper.Open(root, sample).Destroy();
        }
    }

    private Task<StoredKey?> LatestAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken) =>
        Keys.AsNoTracking().Where(k => k.OwnerId == ownerId && k.Kind == kind)
            .OrderByDescending(k => k.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Version 1, unless another scope or process created it first: then theirs. The insert does nothing on a
    /// conflict instead of failing, because EF Core logs a failed save at Error level even when the caller handles it,
    /// and the first checks or imports of a new incident race here all the time.
    /// </summary>
    private async Task<StoredKey> CreateFirstAsync(Guid ownerId, KeyKind kind, CancellationToken cancellationToken)
    {
        var root = await roots.GetRootKeyAsync(cancellationToken);
        var (sql, values) = InsertIfAbsent(NewKey(root, new KeyId(ownerId, kind, 1)));
        await Db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
        return await LatestAsync(ownerId, kind, cancellationToken)
            ?? throw new InvalidOperationException($"Could not create the {kind} key of {ownerId}.");
    }

    /// <summary>
    /// <c>INSERT … ON CONFLICT DO NOTHING</c> (PostgreSQL and SQLite alike) of the row's set columns, names from the
    /// model, values as the database stores them (the model's converters applied: the kind as text, times as ticks on
    /// SQLite).
    /// </summary>
    private (string Sql, object[] Values) InsertIfAbsent(StoredKey key)
    {
        var entity = Db.Model.FindEntityType(typeof(StoredKey))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null)
            .Select(p => (Property: p, Value: p.PropertyInfo!.GetValue(key)))
            .Where(c => c.Value is not null)
            .ToList();
        var helper = Db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(c => helper.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        var parameters = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        var sql = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({parameters}) ON CONFLICT DO NOTHING";
        return (sql, [.. columns.Select(c => c.Property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(c.Value)! : c.Value!)]);
    }

    private StoredKey NewKey(RootKey root, KeyId id) => new()
    {
        OwnerId = id.OwnerId,
        Kind = id.Kind,
        Version = id.Version,
        RootKeyId = root.Id,
        WrappedMaterial = KeyWrapper.WrapNew(root, id),
        CreatedAt = time.Now(),
    };

    private async Task<StoredKey> InsertAsync(RootKey root, KeyId id, CancellationToken cancellationToken)
    {
        var stored = NewKey(root, id);
        Keys.Add(stored);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            return stored;
        }
        finally
        {
            Db.Entry(stored).State = EntityState.Detached;
        }
    }

    private async ValueTask<DataKey> OpenAsync(StoredKey stored, bool isCurrent, CancellationToken cancellationToken)
    {
        if (stored.WrappedMaterial is null || stored.DestroyedAt is not null)
        {
            throw new KeyDestroyedException(stored.OwnerId, stored.Kind);
        }

        var key = KeyWrapper.Open(await roots.GetRootKeyAsync(cancellationToken), stored);
        cache.Add(key, isCurrent);
        return key;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// Unwrapped keys kept briefly in memory (one per process, shared by every scope), so a hot
/// path does not unwrap on each call. Destroying a key evicts and zeroes it at once; another
/// process notices within <see cref="PrivacyOptions.KeyCacheDuration"/>.
/// </summary>
public sealed class DataKeyCache(TimeProvider time, TimeSpan entryLifetime)
{
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<KeyId, Entry> _keys = new();
    private readonly ConcurrentDictionary<(Guid Owner, KeyKind Kind), Entry> _current = new();

    internal bool TryGet(KeyId id, [MaybeNullWhen(false)] out DataKey key) => TryRead(_keys, id, out key);

    internal bool TryGetCurrent(Guid ownerId, KeyKind kind, [MaybeNullWhen(false)] out DataKey key) =>
        TryRead(_current, (ownerId, kind), out key);

    internal void Add(DataKey key, bool isCurrent)
    {
        var entry = new Entry(key, time.GetTimestamp() + (long)(entryLifetime.TotalSeconds * time.TimestampFrequency));
        _keys[key.Id] = entry;
        if (isCurrent)
        {
            _current[(key.Id.OwnerId, key.Id.Kind)] = entry;
        }

        if (_keys.Count > SweepThreshold)
        {
            Sweep();
        }
    }

    /// <summary>Evicts every version of a key and zeroes it, so holders in other scopes fail too.</summary>
    internal void Destroy(Guid ownerId, KeyKind kind)
    {
        _current.TryRemove((ownerId, kind), out _);
        foreach (var id in _keys.Keys.Where(k => k.OwnerId == ownerId && k.Kind == kind).ToList())
        {
            if (_keys.TryRemove(id, out var entry))
            {
                entry.Key.Destroy();
            }
        }
    }

    internal void ForgetCurrent(Guid ownerId, KeyKind kind) => _current.TryRemove((ownerId, kind), out _);

    private bool TryRead<TId>(ConcurrentDictionary<TId, Entry> map, TId id, [MaybeNullWhen(false)] out DataKey key)
        where TId : notnull
    {
        if (map.TryGetValue(id, out var entry))
        {
            if (entry.ExpiresAt > time.GetTimestamp() && !entry.Key.IsDestroyed)
            {
                key = entry.Key;
                return true;
            }

            // Expired keys are dropped, not zeroed: a caller may still be using one.
            map.TryRemove(new KeyValuePair<TId, Entry>(id, entry));
        }

        key = null;
        return false;
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        foreach (var pair in _keys.Where(p => p.Value.ExpiresAt <= now))
        {
            _keys.TryRemove(pair);
        }

        foreach (var pair in _current.Where(p => p.Value.ExpiresAt <= now))
        {
            _current.TryRemove(pair);
        }
    }

    private sealed record Entry(DataKey Key, long ExpiresAt);
}

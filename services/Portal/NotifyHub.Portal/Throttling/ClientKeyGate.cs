namespace NotifyHub.Portal.Throttling;

/// <summary>
/// Lets one check at a time compute the client key until one has succeeded. The key is the portal's own index key,
/// created by the privacy library on first use: without this, the first burst of concurrent checks after a start
/// all found no key and all tried to insert it (one duplicate-key error, logged with its stack, per check). Once a
/// key exists it is only read, so later checks run without the gate.
/// </summary>
public sealed class ClientKeyGate : IDisposable
{
    private readonly SemaphoreSlim _first = new(1, 1);
    private volatile bool _made;

    public async Task<T> RunAsync<T>(Func<Task<T>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_made)
        {
            return await compute();
        }

        await _first.WaitAsync(ct);
        try
        {
            var result = await compute();
            _made = true;
            return result;
        }
        finally
        {
            _first.Release();
        }
    }

    public void Dispose() => _first.Dispose();
}

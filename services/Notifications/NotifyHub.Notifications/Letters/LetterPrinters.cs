using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Runs <see cref="LetterOptions.Printers"/> <see cref="LetterBatches"/> side by side, each in its own scope (its own
/// DbContext), so that rendering a batch, the most costly step, never waits for another batch's database work,
/// encryption or upload, and every core renders. The printers of one process take their claims one at a time
/// (<see cref="ClaimAsync"/>): claiming reads the oldest queued letters, and two printers reading at once would pick
/// the same ones, so one claim would fail and its printer stop for the pass. Other instances still race as before,
/// settled by the claim's concurrency check.
/// </summary>
public sealed class LetterPrinters(IServiceScopeFactory scopes, IOptions<LetterOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _claiming = new(1, 1);

    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Printers).Select(async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LetterBatches>().RunAsync(ct);
        }));

    public async Task<T> ClaimAsync<T>(Func<Task<T>> claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await _claiming.WaitAsync(ct);
        try
        {
            return await claim();
        }
        finally
        {
            _claiming.Release();
        }
    }

    public void Dispose() => _claiming.Dispose();
}

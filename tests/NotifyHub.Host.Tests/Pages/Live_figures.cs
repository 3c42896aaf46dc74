using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NotifyHub.Testing;
using NotifyHub.Web.Live;

namespace NotifyHub.Host.Tests.Pages;

/// <summary>The dashboard's figures: served from memory, refreshed once in the background when stale.</summary>
public sealed class Live_figures
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _clock = new();
    private readonly LiveFigures _live;
    private int _computed;

    public Live_figures() =>
        _live = new LiveFigures(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), _clock,
            NullLogger<LiveFigures>.Instance);

    [Fact]
    public async Task Fresh_figures_are_served_without_computing_again()
    {
        (await GetAsync()).ShouldBe("figures 1");
        _clock.Advance(TimeSpan.FromSeconds(2));

        (await GetAsync()).ShouldBe("figures 1");
        _computed.ShouldBe(1);
    }

    [Fact]
    public async Task Stale_figures_are_served_at_once_while_one_refresh_runs_behind()
    {
        await GetAsync();
        _clock.Advance(TimeSpan.FromSeconds(4));
        var release = new TaskCompletionSource();

        var served = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => GetAsync(release.Task)));

        served.ShouldAllBe(s => s == "figures 1", "nobody waits for the refresh");
        release.SetResult();
        await Eventually.TrueAsync(async () => await GetAsync() == "figures 2", TimeSpan.FromSeconds(10));
        _computed.ShouldBe(2, "five stale reads start one refresh");
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_figures()
    {
        await GetAsync();
        _clock.Advance(TimeSpan.FromSeconds(4));

        (await _live.GetAsync<string>("incident", MaxAge, (_, _) => throw new TimeoutException("database busy"), CancellationToken.None))
            .ShouldBe("figures 1");
        await Task.Delay(100);

        (await GetAsync()).ShouldBe("figures 1", "still the last good figures; this call starts the next refresh");
        await Eventually.TrueAsync(async () => await GetAsync() == "figures 2", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Figures_slow_to_compute_wait_twice_their_time_before_the_next_refresh()
    {
        await _live.GetAsync("incident", MaxAge, (_, _) =>
        {
            _clock.Advance(TimeSpan.FromSeconds(10)); // the computation takes 10 s of the clock
            return Task.FromResult($"figures {Interlocked.Increment(ref _computed)}");
        }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(15));

        (await GetAsync()).ShouldBe("figures 1");
        await Task.Delay(200);
        _computed.ShouldBe(1, "15 s after a 10 s computation is too soon");

        _clock.Advance(TimeSpan.FromSeconds(6));
        await GetAsync();
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref _computed) == 2), TimeSpan.FromSeconds(10));
    }

    private Task<string> GetAsync(Task? gate = null) => _live.GetAsync("incident", MaxAge, async (_, _) =>
    {
        if (gate is not null)
        {
            await gate;
        }

        return $"figures {Interlocked.Increment(ref _computed)}";
    }, CancellationToken.None);
}

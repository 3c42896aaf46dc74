using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Reminders;
using NotifyHub.Regulator.Tests.Support;
using NotifyHub.Testing;

namespace NotifyHub.Regulator.Tests.Api;

/// <summary>ReportDue 24 hours before a deadline, ReportOverdue once it passes unfiled, each once, logged by the consumer.</summary>
public sealed class Reminders : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly CapturedLogs _logs = new();
    private readonly NotifyHubFactory _factory;

    public Reminders() => _factory = new NotifyHubFactory(
        new Dictionary<string, string?> { ["NotifyHub:Regulator:ReminderScanSeconds"] = "3600" },
        services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton<ILoggerProvider>(_logs);
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_deadline_within_24_hours_is_announced_once_and_a_passed_one_once_more_as_overdue()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        // Aware 50 hours ago: the CNIL's 72 hours end in 22 hours.
        var incident = await api.OpenIncidentAsync(["FR"], awareAt: _clock.GetUtcNow().AddHours(-50), determinedAt: _clock.GetUtcNow().AddHours(-49));
        var notice = (await api.ObligationsAsync(incident)).Single(o => o.Kind == "regulator-notice");
        var scheduler = _factory.Services.GetRequiredService<ReminderScheduler>();

        var first = await scheduler.ScanAsync(CancellationToken.None);
        var again = await scheduler.ScanAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(23));
        var late = await scheduler.ScanAsync(CancellationToken.None);
        var lateAgain = await scheduler.ScanAsync(CancellationToken.None);

        first.ShouldBe(1);
        again.ShouldBe(0);
        late.ShouldBe(1);
        lateAgain.ShouldBe(0);
        await using var scope = _factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<RegulatorDbContext>().Obligations.SingleAsync(o => o.Id == notice.Id);
        row.DueReminderFor.ShouldBe(notice.DueAt);
        row.OverdueReminderFor.ShouldBe(notice.DueAt);
        await Eventually.TrueAsync(() => Task.FromResult(
                _logs.Lines.Any(l => l.Contains($"Report due: obligation {notice.Id}", StringComparison.Ordinal))
                && _logs.Lines.Any(l => l.Contains($"Report overdue: obligation {notice.Id}", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), "the consumer never logged both reminders");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Regulator;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Reminders;

/// <summary>
/// Publishes <see cref="ReportDue"/> once when an unfiled obligation comes within the lead time of its deadline, and
/// <see cref="ReportOverdue"/> once when the deadline passes. "Once" is per deadline: a moved deadline reminds again.
/// Time comes from <see cref="TimeProvider"/>, so tests move the clock instead of waiting.
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<RegulatorOptions> options, TimeProvider clock,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderScanSeconds), clock);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (ObjectDisposedException)
            {
                // The host failed to start (or is going away) and disposed its services under us: nothing left to do.
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed scan is retried at the next tick; the reminders are idempotent per deadline.
                logger.LogError("Regulator reminder scan failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the open obligations; returns how many reminders it published.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegulatorDbContext>();
        var now = clock.GetUtcNow();
        var lead = TimeSpan.FromHours(options.Value.ReminderLeadHours);
        // Filtered in memory: SQLite cannot compare DateTimeOffset columns in SQL.
        var open = (await db.Obligations
                .Where(o => o.DueAt != null && o.Status != ObligationStatuses.Filed && o.Status != ObligationStatuses.NotRequired)
                .ToListAsync(ct))
            .Where(o => o.DueAt - lead <= now)
            .ToList();
        var sent = 0;
        foreach (var row in open)
        {
            var dueAt = row.DueAt!.Value;
            if (dueAt < now && row.OverdueReminderFor != dueAt)
            {
                db.Publish(new ReportOverdue(row.IncidentId, row.Id, row.Jurisdiction, row.Kind, dueAt));
                row.OverdueReminderFor = dueAt;
                row.Status = ObligationStatuses.Overdue;
                sent++;
            }
            else if (dueAt >= now && row.DueReminderFor != dueAt)
            {
                db.Publish(new ReportDue(row.IncidentId, row.Id, row.Jurisdiction, row.Kind, dueAt));
                row.DueReminderFor = dueAt;
                sent++;
            }
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }
}

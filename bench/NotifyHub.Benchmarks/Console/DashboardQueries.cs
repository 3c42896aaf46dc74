using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Queue;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Pages.Notices;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;
using System.Diagnostics;

namespace NotifyHub.Benchmarks.Console;

/// <summary>
/// The dashboard's underlying queries alone, without HTTP, rendering or <c>LiveFigures</c>: what each fragment's
/// figures cost to compute from scratch, the work its cache moves out of the request.
/// </summary>
internal static class DashboardQueries
{
    public static async Task MeasureAsync(IServiceProvider services, Guid incident, int runs, DashboardTimes times)
    {
        for (var run = -2; run < runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var notices = await TimeAsync(() => NoticeFigures.ReadAsync(provider.GetRequiredService<NotifyHub.Notifications.Tallies.NoticeTallies>(), provider.GetRequiredService<NoticesSentByHour>(),
                incident, CancellationToken.None));
            var calls = await TimeAsync(() => provider.GetRequiredService<IncidentCallActivity>().ReadAsync(incident, CancellationToken.None));
            var facts = await TimeAsync(() => FactsReader.ReadAsync(provider.GetRequiredService<RegulatorDbContext>(), incident, CancellationToken.None));
            if (run < 0)
            {
                continue;
            }

            times.Add("alone: notice figures", notices, notices);
            times.Add("alone: call activity", calls, calls);
            times.Add("alone: obligation facts", facts, facts);
            times.Add("alone: all three", notices + calls + facts, notices + calls + facts);
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> query)
    {
        var watch = Stopwatch.StartNew();
        await query();
        return watch.Elapsed.TotalMilliseconds;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Regulator.Counts;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Incidents;
using NotifyHub.Regulator.Obligations;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Globalization;

namespace NotifyHub.Benchmarks.Regulator;

/// <summary>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- regulator-recompute [--runs 50]</c>.
/// An incident of 6,000,000 people over 15 jurisdictions (the counts intake sends after an import) in the regulator's
/// own database (the in-process host on SQLite). Times, per run, what an import's <c>AffectedPartiesCounted</c> costs:
/// replacing the counts and recomputing every obligation (read facts, evaluate the rules, store the obligations,
/// queue <c>ObligationsChanged</c>), beside the time to read the counts alone. Prints medians and the worst run.
/// </summary>
public static class ObligationsRecomputeBenchmark
{
    /// <summary>15 jurisdictions, 6,000,000 people, shaped like the Toyota / NTT cases (mostly one country).</summary>
    private static readonly Dictionary<string, long> Counts = new()
    {
        ["JP"] = 4_400_000, ["US-CA"] = 400_000, ["US-TX"] = 250_000, ["US-NY"] = 200_000, ["US-MA"] = 50_000,
        ["FR"] = 150_000, ["DE"] = 120_000, ["GB"] = 110_000, ["AU"] = 3_000, ["NZ"] = 1_000, ["CA"] = 90_000,
        ["SG"] = 80_000, ["BR"] = 70_000, ["IN"] = 60_000, ["IT"] = 16_000,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "50", CultureInfo.InvariantCulture);
        System.Console.WriteLine($"{Counts.Count} jurisdictions, {Counts.Values.Sum():N0} people; {runs} runs");
        await using var factory = new ProductionHostFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Modules:0"] = "regulator",
            // Every SQL command logged to the console would be timed too: a production host logs warnings only.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        System.Console.WriteLine(factory.Describe());
        _ = factory.Services; // starts the host: migrations, rule files checked
        var incidentId = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegulatorDbContext>();
            db.Incidents.Add(new RegulatorIncident
            {
                Id = incidentId, Title = "Benchmark", Summary = "Benchmark incident", Cause = "malicious_attack",
                DataCategories = ["name", "payment_card", "health"], Jurisdictions = ["JP", "US"],
                DiscoveredAt = TimeProvider.System.GetUtcNow().AddDays(-3), AwareAt = TimeProvider.System.GetUtcNow().AddDays(-2),
                DeterminedAt = TimeProvider.System.GetUtcNow().AddDays(-1), RecordedAt = TimeProvider.System.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var read = new List<double>(runs);
        var recompute = new List<double>(runs);
        var obligations = 0;
        for (var run = 0; run < runs; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegulatorDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<ObligationsRecompute>();

            var clock = Stopwatch.StartNew();
            var counts = await db.AffectedCounts.AsNoTracking().Where(c => c.IncidentId == incidentId).ToDictionaryAsync(c => c.Jurisdiction, c => c.Count);
            read.Add(clock.Elapsed.TotalMilliseconds);
            db.ChangeTracker.Clear();

            // What AffectedPartiesCountedConsumer does after an import: replace the counts, then recompute.
            clock.Restart();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.AffectedCounts.Where(c => c.IncidentId == incidentId).ExecuteDeleteAsync();
                var now = TimeProvider.System.GetUtcNow();
                db.AffectedCounts.AddRange(Counts.Select(c => new AffectedCount
                {
                    IncidentId = incidentId, Jurisdiction = c.Key, Count = c.Value + (run % 2), CountedAt = now,
                }));
                await db.SaveChangesAsync();
                obligations = (await service.RecomputeAsync(db, incidentId, CancellationToken.None)).Count;
                await transaction.CommitAsync();
            }

            recompute.Add(clock.Elapsed.TotalMilliseconds);
            _ = counts;
        }

        System.Console.WriteLine($"obligations per recompute: {obligations}");
        System.Console.WriteLine($"read the counts alone:          median {Median(read):F2} ms, worst {read.Max():F2} ms");
        System.Console.WriteLine($"replace counts + recompute all: median {Median(recompute):F2} ms, worst {recompute.Max():F2} ms (limit 1,000 ms)");
        return recompute.Max() < 1000 ? 0 : 1;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

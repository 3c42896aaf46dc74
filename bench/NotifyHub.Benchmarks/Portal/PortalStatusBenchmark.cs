using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Benchmarks.CallCentre;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Portal.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using Npgsql;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Benchmarks.Portal;

/// <summary>
/// <c>portal --clients 200 --seconds 60 --people 5000 [--warm-up 20]</c>: N concurrent clients, each looping status checks (reference
/// code and date of birth, <c>POST /api/v1/portal/status</c>, each answer a new 15-minute session) through the real
/// API of an in-process host on PostgreSQL, then the same lookup as a bare indexed SQL query
/// (<see cref="PortalSqlBaseline"/>) with as many clients; p50/p99 and checks per second for both. It runs on the
/// PostgreSQL named by NOTIFYHUB_TEST_POSTGRES, which must keep its durable settings (<see cref="DurablePostgres"/>:
/// start it with <c>NOTIFYHUB_POSTGRES_DURABLE=1 scripts/test.sh --servers-only</c>). Every check is a right answer, so no throttle (they count failures) trips and no
/// limit is raised; any answer other than 200 is reported.
/// </summary>
public static class PortalStatusBenchmark
{
    private static readonly string[] Steps = ["status"];
    private static readonly string[] Categories = ["name", "date_of_birth"];
    private static readonly string[] Jurisdictions = ["AU"];

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = 200;
        var seconds = 60;
        var peopleCount = 5000;
        var warmUp = 20;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--people": peopleCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warm-up": warmUp = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        }

        await using var database = await PostgresDatabase.CreateAsync();
        await DurablePostgres.RequireAsync(database.ConnectionString);

        await using var factory = new ProductionHostFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        System.Console.WriteLine(factory.Describe());
        System.Console.WriteLine($"portal: seeding {peopleCount} people (not timed)...");
        var people = await SeedAsync(factory, peopleCount);
        var duration = TimeSpan.FromSeconds(seconds);
        // A portal serves for days: the first seconds after a start measure the JIT (checks a second climb from about
        // 300 to 2,000 over the first 15 to 20 s), not the service. Both sides run warm, their warm-up not counted.
        var warm = TimeSpan.FromSeconds(warmUp);
        System.Console.WriteLine($"portal: warming up for {warmUp} s (not counted)...");
        await RunApiAsync(factory, people, clients, warm);
        await PortalSqlBaseline.RunAsync(database.ConnectionString, people, clients, warm);
        System.Console.WriteLine($"| {"run",-34} | {"step",-10} | {"count",8} | {"per s",8} | {"p50 ms",8} | {"p99 ms",8} |");
        var api = await RunApiAsync(factory, people, clients, duration);
        api.Print($"API, {clients} clients", Steps, duration);
        var baseline = await PortalSqlBaseline.RunAsync(database.ConnectionString, people, clients, duration);
        baseline.Print($"bare SQL, {clients} clients", Steps, duration);

        return 0;
    }

    private static async Task<StepTimes> RunApiAsync(ProductionHostFactory factory, IReadOnlyList<PortalPerson> people, int clients, TimeSpan duration)
    {
        var times = new StepTimes();
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
        var stopAt = TimeProvider.System.GetUtcNow().UtcDateTime + duration;
        var http = Enumerable.Range(0, clients).Select(_ => factory.CreateClient()).ToList();
        var gc = ProcessSnapshot.Take();
        var perSecond = new int[(int)duration.TotalSeconds + 2];
        var started = Stopwatch.StartNew();
        await Task.WhenAll(http.Select((client, n) => Task.Run(async () =>
        {
            var mine = people.Where((_, i) => i % clients == n).ToList();
            for (var turn = 0; TimeProvider.System.GetUtcNow().UtcDateTime < stopAt && mine.Count > 0; turn++)
            {
                var person = mine[turn % mine.Count];
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/v1/portal/status",
                    new { referenceCode = person.ReferenceCode, dateOfBirth = person.DateOfBirth });
                await response.Content.ReadAsByteArrayAsync();
                times.Add("status", watch.Elapsed);
                Interlocked.Increment(ref perSecond[Math.Min(perSecond.Length - 1, (int)started.Elapsed.TotalSeconds)]);
                answers.AddOrUpdate(response.StatusCode, 1, (_, c) => c + 1);
            }
        })));
        http.ForEach(c => c.Dispose());
        System.Console.WriteLine(gc.Since(perSecond.Sum(), "check"));
        var whole = perSecond.Take((int)duration.TotalSeconds).Order().ToList();
        System.Console.WriteLine($"checks in one second: min {whole[0]}, median {whole[whole.Count / 2]}, max {whole[^1]}; second by second: "
            + string.Join(' ', perSecond.Take((int)duration.TotalSeconds)));
        System.Console.WriteLine("answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key} × {a.Value}")));
        return times;
    }

    private static async Task<List<PortalPerson>> SeedAsync(ProductionHostFactory factory, int count)
    {
        using var officer = await StaffAccounts.ClientForAsync(factory, Roles.PrivacyOfficer);
        var created = await officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Bench", summary = "Bench", discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1), cause = "vendor",
            dataCategories = Categories, jurisdictions = Jurisdictions,
        });
        var incident = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = new StringBuilder("external_id,given_name,email,date_of_birth,postcode,data_categories\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i},Name{i},p{i}@example.com,{1950 + (i % 50)}-{1 + (i % 12):00}-{1 + (i % 28):00},{1000 + i},name;date_of_birth\n");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new("text/csv");
        var started = await officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        var import = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}"))
            .GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(10));

        await using var scope = factory.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await Eventually.TrueAsync(async () => await portal.People.CountAsync(p => p.IncidentId == incident) == count, TimeSpan.FromMinutes(10),
            "the portal never received every imported person");
        var intake = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var indexes = await portal.People.AsNoTracking().Where(p => p.IncidentId == incident)
            .ToDictionaryAsync(p => p.PersonId, p => (p.ReferenceCodeIndex, p.DateOfBirthIndex));
        var people = new List<PortalPerson>(count);
        foreach (var party in await intake.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync())
        {
            var fields = await cipher.DecryptRecordAsync(party.Record, party.Id, PartyEncoder.RecordName);
            var (code, dateOfBirth) = indexes[party.Id];
            people.Add(new PortalPerson(fields[PartyEncoder.ReferenceCodeField].Reveal(), fields["date_of_birth"].Reveal(), code, dateOfBirth!));
        }

        return people;
    }
}

internal sealed record PortalPerson(string ReferenceCode, string DateOfBirth, byte[] ReferenceCodeIndex, byte[] DateOfBirthIndex);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.CallCentre.Database;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Benchmarks.CallCentre;

/// <summary>
/// <c>callcentre --agents 50,350 --seconds 60 --people 2000 [--paced-calls 100]</c>: N simulated agents, each looping verify (code and date
/// of birth) → open the case (one metered read) → add a note → close, through the real API of an in-process host on
/// PostgreSQL, for the given time; p50/p99 per step. Then the hand-SQL baseline (<see cref="HandSqlBaseline"/>) with
/// the same number of agents. Then both again with the most agents, paced to <c>--paced-calls</c> calls a second in all
/// (<see cref="LoopPace"/>; 0 skips it): the latency at a set load. The key service's bulk-read limit is raised for the run: every loop is one read.
/// Needs a durable PostgreSQL: <c>NOTIFYHUB_POSTGRES_DURABLE=1 scripts/test.sh --servers-only</c>.
/// </summary>
public static class CallCentreBenchmark
{
    private static readonly string[] Steps = ["verify", "read", "note", "close"];
    private static readonly string[] Categories = ["name"];
    private static readonly string[] Jurisdictions = ["AU"];

    public static async Task<int> RunAsync(string[] args)
    {
        int[] agentCounts = [50, 350];
        var seconds = 60;
        var peopleCount = 2000;
        double? pacedCalls = 100;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--agents": agentCounts = [.. args[i + 1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture))]; break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--people": peopleCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--paced-calls": pacedCalls = args[i + 1] == "0" ? null : double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        }

        await using var database = await PostgresDatabase.CreateAsync();
        await DurablePostgres.RequireAsync(database.ConnectionString);
        await using var factory = new ProductionHostFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
            ["NotifyHub:KeyService:MaxRecordsPerWindow"] = "100000000",
            ["NotifyHub:CallCentre:MaxFailedVerifications"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        System.Console.WriteLine(factory.Describe());
        System.Console.WriteLine($"callcentre: seeding {peopleCount} people (not timed)...");
        var (vendor, people) = await SeedAsync(factory, peopleCount);
        var duration = TimeSpan.FromSeconds(seconds);
        System.Console.WriteLine($"| {"run",-34} | {"step",-10} | {"count",8} | {"per s",8} | {"p50 ms",8} | {"p99 ms",8} |");
        foreach (var agents in agentCounts)
        {
            var api = await RunApiAsync(factory, vendor, people, agents, duration, null);
            api.Print($"API, {agents} agents", Steps, duration);
            var baseline = await HandSqlBaseline.RunAsync(database.ConnectionString, people, vendor, agents, duration, null);
            baseline.Print($"hand SQL, {agents} agents", Steps, duration);
        }

        // Back to back, each loop's time is the number of agents over the rate (Little's law): it measures the queue,
        // not the service. The latency goal's load is the issue's headroom: a peak day's 0.1 calls a second times 1,000.
        if (pacedCalls is { } rate)
        {
            var agents = agentCounts.Max();
            var api = await RunApiAsync(factory, vendor, people, agents, duration, rate);
            api.Print($"API, {agents} agents, {rate:0.#}/s", Steps, duration);
            var baseline = await HandSqlBaseline.RunAsync(database.ConnectionString, people, vendor, agents, duration, rate);
            baseline.Print($"hand SQL, {agents} agents, {rate:0.#}/s", Steps, duration);
        }

        return 0;
    }

    private static async Task<StepTimes> RunApiAsync(ProductionHostFactory factory, Guid vendor, IReadOnlyList<SeededPerson> people,
        int agents, TimeSpan duration, double? callsPerSecond)
    {
        var clients = new List<HttpClient>(agents);
        for (var i = 0; i < agents; i++)
        {
            clients.Add(await StaffAccounts.ClientForAsync(factory, Roles.Agent, vendor));
        }

        var pace = new LoopPace(callsPerSecond, agents);
        System.Console.WriteLine($"callcentre: {agents} agents signed in; running for {duration.TotalSeconds:F0} s, {pace.Describe()}");
        var times = new StepTimes();
        var stopAt = TimeProvider.System.GetUtcNow().UtcDateTime + duration;
        var failures = 0;
        await Task.WhenAll(clients.Select((client, agent) => Task.Run(async () =>
        {
            var mine = people.Where((_, i) => i % agents == agent).ToList();
            for (var turn = 0; TimeProvider.System.GetUtcNow().UtcDateTime < stopAt && mine.Count > 0; turn++)
            {
                var person = mine[turn % mine.Count];
                var late = await pace.WaitTurnAsync(agent, turn);
                var watch = Stopwatch.StartNew();
                var verify = await client.PostAsJsonAsync("/api/v1/callcentre/verifications",
                    new { incidentId = person.IncidentId, referenceCode = person.ReferenceCode, dateOfBirth = person.DateOfBirth });
                var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
                times.Add("verify", late + watch.Elapsed);
                if (!verify.IsSuccessStatusCode || !body.GetProperty("verified").GetBoolean())
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                var caseId = body.GetProperty("caseId").GetGuid();
                watch.Restart();
                (await client.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative))).EnsureSuccessStatusCode();
                times.Add("read", watch.Elapsed);
                watch.Restart();
                (await client.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Asked about the letter; explained the advice." })).EnsureSuccessStatusCode();
                times.Add("note", watch.Elapsed);
                watch.Restart();
                (await client.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/close", new { outcome = "resolved" })).EnsureSuccessStatusCode();
                times.Add("close", watch.Elapsed);
            }
        })));
        clients.ForEach(c => c.Dispose());
        if (failures > 0)
        {
            System.Console.WriteLine($"warning: {failures} verifications failed");
        }

        return times;
    }

    private static async Task<(Guid Vendor, List<SeededPerson> People)> SeedAsync(ProductionHostFactory factory, int count)
    {
        using var admin = await StaffAccounts.AdminClientAsync(factory);
        using var officer = await StaffAccounts.ClientForAsync(factory, Roles.PrivacyOfficer);
        var vendor = await IdAsync(await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Bench calls", kind = "call-centre" }), "id");
        var incident = await IdAsync(await officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Bench", summary = "Bench", discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1), cause = "vendor",
            dataCategories = Categories, jurisdictions = Jurisdictions,
        }), "id");
        var csv = new StringBuilder("external_id,given_name,email,date_of_birth,postcode\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i},Name{i},p{i}@example.com,{1950 + (i % 50)}-{1 + (i % 12):00}-{1 + (i % 28):00},{1000 + i}\n");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new("text/csv");
        var import = await IdAsync(await officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content), "importId");
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}"))
            .GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(10));
        HttpResponseMessage? assign = null;
        await Eventually.TrueAsync(async () =>
        {
            assign = await officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/vendors", new { vendorId = vendor });
            return assign.IsSuccessStatusCode;
        }, TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/vendors"))
            .EnumerateArray().Single().GetProperty("status").GetString() == "completed", TimeSpan.FromMinutes(10));

        await using var scope = factory.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var callCentre = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var records = await callCentre.CallerRecords.AsNoTracking().Where(r => r.IncidentId == incident).ToDictionaryAsync(r => r.PersonId);
        var people = new List<SeededPerson>(count);
        foreach (var party in await intake.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync())
        {
            var fields = await cipher.DecryptRecordAsync(party.Record, party.Id, PartyEncoder.RecordName);
            var record = records[party.Id];
            people.Add(new SeededPerson(incident, fields[PartyEncoder.ReferenceCodeField].Reveal(), fields["date_of_birth"].Reveal(),
                record.ReferenceCodeIndex, record.DateOfBirthIndex!));
        }

        return (vendor, people);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty(property).GetGuid()
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }
}

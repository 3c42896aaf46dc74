using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Verification;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Testing;
using Npgsql;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>The whole loop on the real PostgreSQL server (scripts/test.sh): migrations, back-fill paging and blind-index queries.</summary>
public sealed class On_PostgreSql : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private CallCentreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _world = await CallCentreWorld.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Assign_verify_read_note_and_close_work_on_PostgreSql()
    {
        var vendor = await _world.RegisterVendorAsync();
        var incident = await _world.OpenIncidentAsync();
        await _world.ImportAsync(incident, People.Csv);
        await _world.AssignAsync(incident, vendor, expected: 3);
        var codes = await _world.ReferenceCodesAsync(incident);
        using var agent = await _world.AgentAsync(vendor);

        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], People.CanaryDateOfBirth);
        var byThree = await CallCentreWorld.VerifyAsync(agent, new { phone = "+61 491 570 158", dateOfBirth = "1990-06-30", postcode = "4000" });
        var wrong = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"], postcode = "4000" });
        var note = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Explained the advice" });
        var view = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/callcentre/cases/{caseId}");
        var close = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/close", new { outcome = "resolved" });
        using var supervisor = await _world.SupervisorAsync(vendor);
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/queue");

        byThree.GetProperty("verified").GetBoolean().ShouldBeTrue();
        wrong.GetProperty("verified").GetBoolean().ShouldBeFalse();
        note.StatusCode.ShouldBe(HttpStatusCode.Created);
        view.GetProperty("person").GetProperty("givenName").GetString().ShouldBe(People.CanaryGivenName);
        view.GetProperty("notes").GetArrayLength().ShouldBe(1);
        close.StatusCode.ShouldBe(HttpStatusCode.OK);
        queue.GetProperty("openCases").GetInt32().ShouldBe(1, "the case found by phone, date of birth and postcode is still open");
        queue.GetProperty("callsToday").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_verification_probes_the_indexes_on_statistics_the_assignment_left()
    {
        var vendor = await _world.RegisterVendorAsync();
        var incident = await _world.OpenIncidentAsync();
        await _world.ImportAsync(incident, People.Csv);
        await _world.AssignAsync(incident, vendor, expected: 3);
        var codes = await _world.ReferenceCodesAsync(incident);

        // Agents verify as soon as an assignment completes, before autovacuum has looked at the new rows.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var analyzed = new NpgsqlCommand(
            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = 'callcentre' AND relname = 'caller_records'", connection);
        await Eventually.TrueAsync(async () => await analyzed.ExecuteScalarAsync() is true, TimeSpan.FromSeconds(10));

        var commands = new CommandLog();
        await using var db = OwnContext(commands);
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var matcher = new CallerMatcher(db, scope.ServiceProvider.GetRequiredService<BlindIndexer>());
        var match = await matcher.FindAsync(vendor, incident, new CallerFactors(codes["ext-1"], People.CanaryDateOfBirth, null, null), CancellationToken.None);

        match.ShouldNotBeNull();
        var sql = commands.Texts.Single(t => t.Contains("caller_records", StringComparison.Ordinal));
        sql.ShouldNotContain("ORDER BY", Shouldly.Case.Sensitive, "ordering by person walked the primary key through the whole incident");
        sql.ShouldContain("\"Status\" = 'open'", Shouldly.Case.Sensitive, "a literal, so that the partial index on open cases can serve it");
        sql.ShouldNotContain("PostcodeIndex", Shouldly.Case.Sensitive, "a factor not given is not compared");
    }

    [Fact]
    public Task Agents_verifying_one_caller_at_once_share_one_open_case() => _world.AgentsVerifyingOneCallerAtOnceShareOneCaseAsync(agents: 12);

    [Fact]
    public async Task A_one_batch_save_is_one_command_without_a_transaction()
    {
        var commands = new CommandLog();
        await using var db = OwnContext(commands);

        db.VerificationAttempts.Add(Attempt(Guid.CreateVersion7()));
        db.CallerRecords.Add(Record(Guid.CreateVersion7()));
        await db.SaveInOneBatchAsync(CancellationToken.None);

        commands.Texts.Count.ShouldBe(1, "both rows in one round trip");
        commands.Transactions.ShouldBe(0, "no BEGIN and COMMIT around the batch");
    }

    [Fact]
    public async Task A_failing_statement_in_a_one_batch_save_leaves_nothing()
    {
        var existing = Guid.CreateVersion7();
        await using (var seed = OwnContext(new CommandLog()))
        {
            seed.VerificationAttempts.Add(Attempt(existing));
            await seed.SaveChangesAsync();
        }

        var commands = new CommandLog();
        var fresh = Guid.CreateVersion7();
        await using (var db = OwnContext(commands))
        {
            db.CallerRecords.Add(Record(fresh));
            db.VerificationAttempts.Add(Attempt(existing)); // the primary key is taken: this statement fails
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveInOneBatchAsync(CancellationToken.None));
        }

        var batch = commands.Texts.ShouldHaveSingleItem();
        batch.IndexOf("caller_records", StringComparison.Ordinal)
            .ShouldBeLessThan(batch.IndexOf("verification_attempts", StringComparison.Ordinal), "the good row is written first");
        await using var check = OwnContext(new CommandLog());
        (await check.CallerRecords.AnyAsync(r => r.PersonId == fresh)).ShouldBeFalse("the batch's implicit transaction rolled back");
    }

    [Fact]
    public async Task Concurrent_audit_appends_keep_one_unbroken_chain()
    {
        // Each append locks and reads the head in one statement, then writes its entry and the moved head in one batch.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = _world.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(new AuditEvent("test.concurrent", AuditOutcomes.Done)
            {
                SubjectId = Guid.NewGuid(),
            });
        })));

        var entries = await AuditTrail.EntriesAsync(_world.Factory.Services);
        entries.Count(e => e.Action == "test.concurrent").ShouldBe(20);
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i));
        (await AuditTrail.VerifyAsync(_world.Factory.Services)).IsValid.ShouldBeTrue();
    }

    private PostgreSqlCallCentreDbContext OwnContext(CommandLog commands) => new PostgreSqlCallCentreDbContext(
        new DbContextOptionsBuilder<PostgreSqlCallCentreDbContext>().UseNpgsql(_database.ConnectionString).AddInterceptors(commands).Options);

    private static VerificationAttempt Attempt(Guid id) => new() { Id = id, AgentId = Guid.NewGuid(), VendorId = Guid.NewGuid(), At = DateTimeOffset.UnixEpoch };

    private static CallerRecord Record(Guid personId) => new()
    {
        IncidentId = Guid.NewGuid(), VendorId = Guid.NewGuid(), PersonId = personId, Projection = [1], ReferenceCodeIndex = [2], ReceivedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The commands a context sends and the transactions it starts.</summary>
    private sealed class CommandLog : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public List<string> Texts { get; } = [];

        public int Transactions { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Transactions++;
            return ValueTask.FromResult(result);
        }
    }
}

using Npgsql;
using NpgsqlTypes;
using System.Diagnostics;

namespace NotifyHub.Benchmarks.CallCentre;

/// <summary>
/// The floor for the same loop: the statements a hand-written service would run, straight over Npgsql on the same
/// PostgreSQL tables, with no HTTP, authentication, key service or encryption: the indexed lookup, the case insert,
/// the note and the close, and one plain audit row per step (an unchained table: no head to lock, no hash). Each
/// simulated agent owns a connection from the pool and works its own people.
/// </summary>
internal static class HandSqlBaseline
{
    public static async Task<StepTimes> RunAsync(string connectionString, IReadOnlyList<SeededPerson> people, Guid vendorId,
        int agents, TimeSpan duration, double? callsPerSecond)
    {
        var times = new StepTimes();
        var stopAt = TimeProvider.System.GetUtcNow().UtcDateTime + duration;
        await using var source = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxPoolSize = Math.Min(agents, 90) } }.Build();
        await using (var create = source.CreateCommand(
            "CREATE TABLE IF NOT EXISTS public.bench_audit (id uuid PRIMARY KEY, at bigint NOT NULL, actor uuid NOT NULL, action text NOT NULL, subject uuid)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var pace = new LoopPace(callsPerSecond, agents);
        var tasks = Enumerable.Range(0, agents).Select(agent => Task.Run(async () =>
        {
            var mine = people.Where((_, i) => i % agents == agent).ToList();
            var agentId = Guid.NewGuid();
            for (var turn = 0; TimeProvider.System.GetUtcNow().UtcDateTime < stopAt && mine.Count > 0; turn++)
            {
                var person = mine[turn % mine.Count];
                var late = await pace.WaitTurnAsync(agent, turn);
                var watch = Stopwatch.StartNew();
                Guid personId;
                await using (var verify = source.CreateCommand(
                    "SELECT \"PersonId\" FROM callcentre.caller_records WHERE \"VendorId\" = $1 AND \"IncidentId\" = $2 AND \"ReferenceCodeIndex\" = $3 AND \"DateOfBirthIndex\" = $4 LIMIT 2"))
                {
                    verify.Parameters.Add(new() { Value = vendorId });
                    verify.Parameters.Add(new() { Value = person.IncidentId });
                    verify.Parameters.Add(new() { Value = person.ReferenceCodeIndex, NpgsqlDbType = NpgsqlDbType.Bytea });
                    verify.Parameters.Add(new() { Value = person.DateOfBirthIndex, NpgsqlDbType = NpgsqlDbType.Bytea });
                    personId = (Guid)(await verify.ExecuteScalarAsync())!;
                }

                var caseId = Guid.CreateVersion7();
                await using (var open = source.CreateCommand(
                    "INSERT INTO callcentre.cases (\"Id\", \"IncidentId\", \"VendorId\", \"PersonId\", \"Status\", \"OpenedBy\", \"OpenedAt\") VALUES ($1, $2, $3, $4, 'open', $5, $6)"))
                {
                    open.Parameters.Add(new() { Value = caseId });
                    open.Parameters.Add(new() { Value = person.IncidentId });
                    open.Parameters.Add(new() { Value = vendorId });
                    open.Parameters.Add(new() { Value = personId });
                    open.Parameters.Add(new() { Value = agentId });
                    open.Parameters.Add(new() { Value = TimeProvider.System.GetUtcNow().UtcTicks });
                    await open.ExecuteNonQueryAsync();
                }

                await AuditAsync(source, agentId, "verify", person.IncidentId);
                times.Add("verify", late + watch.Elapsed);
                watch.Restart();
                await using (var read = source.CreateCommand(
                    "SELECT r.\"Projection\", (SELECT count(*) FROM callcentre.case_notes n WHERE n.\"CaseId\" = $1) FROM callcentre.caller_records r WHERE r.\"VendorId\" = $2 AND r.\"IncidentId\" = $3 AND r.\"PersonId\" = $4"))
                {
                    read.Parameters.Add(new() { Value = caseId });
                    read.Parameters.Add(new() { Value = vendorId });
                    read.Parameters.Add(new() { Value = person.IncidentId });
                    read.Parameters.Add(new() { Value = personId });
                    await using var reader = await read.ExecuteReaderAsync();
                    await reader.ReadAsync();
                }

                await AuditAsync(source, agentId, "read", person.IncidentId);
                times.Add("read", watch.Elapsed);
                watch.Restart();
                await using (var note = source.CreateCommand(
                    "INSERT INTO callcentre.case_notes (\"Id\", \"CaseId\", \"IncidentId\", \"VendorId\", \"Text\", \"AuthorId\", \"CreatedAt\") VALUES ($1, $2, $3, $4, $5, $6, $7)"))
                {
                    note.Parameters.Add(new() { Value = Guid.CreateVersion7() });
                    note.Parameters.Add(new() { Value = caseId });
                    note.Parameters.Add(new() { Value = person.IncidentId });
                    note.Parameters.Add(new() { Value = vendorId });
                    note.Parameters.Add(new() { Value = "Asked about the letter; explained the advice."u8.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
                    note.Parameters.Add(new() { Value = agentId });
                    note.Parameters.Add(new() { Value = TimeProvider.System.GetUtcNow().UtcTicks });
                    await note.ExecuteNonQueryAsync();
                }

                await AuditAsync(source, agentId, "note", person.IncidentId);
                times.Add("note", watch.Elapsed);
                watch.Restart();
                await using (var close = source.CreateCommand(
                    "UPDATE callcentre.cases SET \"Status\" = 'closed', \"Outcome\" = 'resolved', \"ClosedAt\" = $2 WHERE \"Id\" = $1"))
                {
                    close.Parameters.Add(new() { Value = caseId });
                    close.Parameters.Add(new() { Value = TimeProvider.System.GetUtcNow().UtcTicks });
                    await close.ExecuteNonQueryAsync();
                }

                await AuditAsync(source, agentId, "close", person.IncidentId);
                times.Add("close", watch.Elapsed);
            }
        })).ToList();
        await Task.WhenAll(tasks);
        return times;
    }

    private static async Task AuditAsync(NpgsqlDataSource source, Guid agentId, string action, Guid subject)
    {
        await using var audit = source.CreateCommand("INSERT INTO public.bench_audit (id, at, actor, action, subject) VALUES ($1, $2, $3, $4, $5)");
        audit.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        audit.Parameters.Add(new() { Value = TimeProvider.System.GetUtcNow().UtcTicks });
        audit.Parameters.Add(new() { Value = agentId });
        audit.Parameters.Add(new() { Value = action });
        audit.Parameters.Add(new() { Value = subject });
        await audit.ExecuteNonQueryAsync();
    }
}

internal sealed record SeededPerson(Guid IncidentId, string ReferenceCode, string DateOfBirth, byte[] ReferenceCodeIndex, byte[] DateOfBirthIndex);

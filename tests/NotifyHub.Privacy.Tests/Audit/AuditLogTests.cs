using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private PrivacyTestHost _host = null!;

    private AuditLog Log => _host.Get<AuditLog>();

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        await AppendAsync(5);

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeTrue(result.Message);
        result.EntriesChecked.ShouldBe(5);
        result.HeadHash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        (await Log.VerifyAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_entry_fails_at_its_sequence()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("UPDATE audit_entries SET outcome = 'granted' WHERE sequence = 3");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.BrokenAtSequence.ShouldBe(3);
        result.Break.ShouldBe(AuditBreak.HashMismatch);
        result.EntriesChecked.ShouldBe(2);
    }

    [Fact]
    public async Task An_edited_link_fails_at_its_sequence()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("UPDATE audit_entries SET previous_hash = zeroblob(32) WHERE sequence = 4");

        var result = await Log.VerifyAsync();

        result.BrokenAtSequence.ShouldBe(4);
        result.Break.ShouldBe(AuditBreak.PreviousHashMismatch);
    }

    [Fact]
    public async Task A_deleted_middle_entry_fails_at_its_sequence()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("DELETE FROM audit_entries WHERE sequence = 3");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.BrokenAtSequence.ShouldBe(3);
        result.Break.ShouldBe(AuditBreak.SequenceGap);
        result.Message.ShouldContain("entry 3 is missing");
    }

    [Fact]
    public async Task A_deleted_last_entry_fails_at_its_sequence()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("DELETE FROM audit_entries WHERE sequence = 5");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.BrokenAtSequence.ShouldBe(5);
        result.Break.ShouldBe(AuditBreak.HeadMismatch);
        result.EntriesChecked.ShouldBe(4);
    }

    [Fact]
    public async Task Every_column_is_covered_by_the_hash()
    {
        string[] edits =
        [
            "time = time + 10", "actor_user_id = NULL", "actor_vendor_id = NULL", "action = 'x'",
            "subject_id = NULL", "purpose = 'Sms'", "fields = 'email'", "outcome = 'x'", "details = '{}'",
        ];
        await AppendAsync(1);

        foreach (var edit in edits)
        {
            await using var scope = await PrivacyTestHost.StartAsync();
            await AppendToAsync(scope.Get<AuditLog>(), 1);
            await scope.ExecuteSqlAsync($"UPDATE audit_entries SET {edit} WHERE sequence = 1");

            (await scope.Get<AuditLog>().VerifyAsync()).Break.ShouldBe(AuditBreak.HashMismatch, edit);
        }
    }

    [Fact]
    public async Task Reads_a_page_of_a_time_range_in_sequence_order()
    {
        await AppendAsync(3);
        var from = _host.Clock.GetUtcNow();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(4);
        var to = _host.Clock.GetUtcNow().AddTicks(1);

        var page = await Log.ReadAsync(from.AddSeconds(1), to, skip: 1, take: 2);

        page.Select(e => e.Sequence).ShouldBe([5L, 6L]);
    }

    [Fact]
    public async Task Concurrent_appenders_in_several_processes_keep_one_unbroken_chain()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-audit-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False;Default Timeout=60";
        var hosts = new List<PrivacyTestHost>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                hosts.Add(await PrivacyTestHost.StartAsync(connection));
            }

            await Task.WhenAll(hosts.Select(host => Task.Run(() => AppendToAsync(host.Get<AuditLog>(), 25))));

            var result = await hosts[0].Get<AuditLog>().VerifyAsync();
            result.IsValid.ShouldBeTrue(result.Message);
            result.EntriesChecked.ShouldBe(100);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            File.Delete(file);
        }
    }

    [Fact]
    public async Task Entries_appended_by_another_process_while_the_chain_is_walked_are_not_tampering()
    {
        // The head and the rows are read by two statements: another process appends in between, as in production.
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-audit-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False;Default Timeout=60";
        await using var appender = await PrivacyTestHost.StartAsync(connection);
        await appender.ExecuteSqlAsync("PRAGMA journal_mode=WAL"); // As the host runs SQLite: readers never block a writer.
        var appendBeforeTheWalk = new AppendBeforeTheWalk(() => AppendToAsync(appender.Get<AuditLog>(), 3));
        await using var verifier = await PrivacyTestHost.StartAsync(connection, interceptor: appendBeforeTheWalk);
        try
        {
            await AppendToAsync(appender.Get<AuditLog>(), 5);

            var result = await verifier.Get<AuditLog>().VerifyAsync();

            appendBeforeTheWalk.Appended.ShouldBeTrue();
            result.IsValid.ShouldBeTrue(result.Message);
            result.EntriesChecked.ShouldBe(8);
            var again = await verifier.Get<AuditLog>().VerifyAsync();
            again.IsValid.ShouldBeTrue(again.Message);
            again.EntriesChecked.ShouldBe(8);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_entry_slipped_in_behind_the_head_is_still_found_when_the_head_does_not_cover_it()
    {
        await AppendAsync(3);
        // A copy of the last entry under the next sequence, the head left where it was.
        const string Columns = "time, actor_user_id, actor_vendor_id, action, subject_id, purpose, fields, outcome, details, previous_hash, hash";
        await _host.ExecuteSqlAsync($"INSERT INTO audit_entries (sequence, {Columns}) SELECT sequence + 1, {Columns} FROM audit_entries WHERE sequence = 3");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.BrokenAtSequence.ShouldBe(4);
    }

    /// <summary>Runs <c>append</c> once, right after the verifier has read the audit head and before it walks the rows.</summary>
    private sealed class AppendBeforeTheWalk(Func<Task> append) : DbCommandInterceptor
    {
        public bool Appended { get; private set; }

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (!Appended && command.CommandText.Contains("FROM \"audit_head\"", StringComparison.Ordinal))
            {
                Appended = true;
                await append();
            }

            return result;
        }
    }

    [Fact]
    public async Task Concurrent_appends_are_committed_together_and_each_caller_gets_its_own_committed_entry()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-audit-{Guid.NewGuid():N}.db");
        var host = await PrivacyTestHost.StartAsync($"Data Source={file};Default Timeout=60", connectionPerScope: true);
        try
        {
            // Each caller in its own scope, as concurrent requests are; all of them at once.
            var subjects = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
            var entries = await Task.WhenAll(subjects.Select(subject => Task.Run(async () =>
            {
                await using var scope = host.NewScope();
                var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
                return await log.AppendAsync(new AuditEvent(AuditActions.ProjectionDecrypt, AuditOutcomes.Granted) { SubjectId = subject });
            })));

            entries.Select(e => e.SubjectId!.Value).ShouldBe(subjects);
            entries.Select(e => e.Sequence).Order().ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
            // Committed when the call returned: another connection reads every one of them.
            await using (var other = host.NewScope())
            {
                var stored = await other.ServiceProvider.GetRequiredService<PrivacyDbContext>().AuditEntries
                    .Select(e => new { e.Sequence, e.SubjectId }).ToListAsync();
                stored.ShouldBe(entries.Select(e => new { e.Sequence, e.SubjectId }), ignoreOrder: true);
            }

            var result = await host.Get<AuditLog>().VerifyAsync();
            result.IsValid.ShouldBeTrue(result.Message);
            result.EntriesChecked.ShouldBe(200);
        }
        finally
        {
            await host.DisposeAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_append_inside_the_callers_transaction_rolls_back_with_it()
    {
        await AppendAsync(2);
        await using (var scope = _host.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(new AuditEvent(AuditActions.ProjectionDecrypt, AuditOutcomes.Denied));
            await transaction.RollbackAsync();
        }

        await AppendAsync(1);
        var result = await Log.VerifyAsync();
        result.IsValid.ShouldBeTrue(result.Message);
        result.EntriesChecked.ShouldBe(3);
    }

    private Task AppendAsync(int count) => AppendToAsync(Log, count);

    private static async Task AppendToAsync(AuditLog log, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(new AuditEvent(AuditActions.ProjectionDecrypt, AuditOutcomes.Denied)
            {
                ActorUserId = Guid.NewGuid(),
                ActorVendorId = Guid.NewGuid(),
                SubjectId = Guid.NewGuid(),
                Purpose = Purpose.CallCentre,
                Fields = [PersonalField.GivenName, PersonalField.Language],
                Details = new Dictionary<string, string> { ["incident_id"] = Guid.NewGuid().ToString() },
            });
        }
    }
}

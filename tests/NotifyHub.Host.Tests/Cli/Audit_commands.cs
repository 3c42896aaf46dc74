using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Text.Json;

namespace NotifyHub.Host.Tests.Cli;

/// <summary>Every CLI verb is audited with the operating-system user who ran it; verify answers in one line.</summary>
public sealed class Audit_commands : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Users_add_rotate_root_and_verify_each_leave_one_entry_naming_the_operator()
    {
        await EntriesAsync();

        var added = await NotifyHubCli.RunAsync(_data, "Operator-Passw0rd!123", "users", "add", "--email", "po.cli@notifyhub.test", "--role", "PrivacyOfficer");
        var rotated = await NotifyHubCli.RunAsync(_data, null, "keys", "rotate-root");
        var verified = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");

        added.ExitCode.ShouldBe(0, added.Error);
        rotated.ExitCode.ShouldBe(0, rotated.Error);
        verified.ExitCode.ShouldBe(0, verified.Error);
        var user = Guid.Parse(added.Output.Trim());
        var entries = await EntriesAsync();

        var forUser = entries.Where(e => e.SubjectId == user).ShouldHaveSingleItem();
        Detail(forUser, "cli_verb").ShouldBe("users add");
        forUser.Details!.ShouldNotContain("po.cli@notifyhub.test");
        var rotation = entries.Where(e => Detail(e, "cli_verb") == "keys rotate-root").ShouldHaveSingleItem();
        rotation.Action.ShouldBe(AuditActions.RootKeyRotated);
        var verification = entries.Where(e => Detail(e, "cli_verb") == "audit verify").ShouldHaveSingleItem();
        verification.Action.ShouldBe("audit.verify");
        Detail(verification, "entries_checked").ShouldBe((verification.Sequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var entry in new[] { forUser, rotation, verification })
        {
            Detail(entry, "os_user").ShouldBe(Environment.UserName);
            Detail(entry, "via").ShouldBe("cli");
            entry.ActorUserId.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_refused_verb_is_recorded_as_refused()
    {
        await EntriesAsync();

        var refused = await NotifyHubCli.RunAsync(_data, "short", "users", "add", "--email", "x@notifyhub.test", "--role", "Admin");

        refused.ExitCode.ShouldBe(1);
        var entry = (await EntriesAsync()).Where(e => e.Action == "cli.users_add").ShouldHaveSingleItem();
        entry.Outcome.ShouldBe("failed:refused");
        Detail(entry, "os_user").ShouldBe(Environment.UserName);
    }

    [Theory]
    [InlineData("purpose = 'NotAPurpose'", "Purpose")]
    [InlineData("details = '{\"broken\": '", "Details")]
    public async Task Verify_reports_a_row_that_no_longer_parses_in_one_line(string corruption, string column)
    {
        await AppendAsync(3);
        Execute($"UPDATE audit_entries SET {corruption} WHERE sequence = 2");

        var verified = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");

        verified.ExitCode.ShouldBe(1);
        verified.Error.Trim().Split('\n').ShouldHaveSingleItem()
            .ShouldBe($"notifyhub: audit chain broken: Audit entry 2 cannot be read: its {column} column holds a value that is not valid.");
        (verified.Output + verified.Error).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Verify_names_the_entry_after_entries_were_cut_from_the_end_and_the_head_rewritten()
    {
        await AppendAsync(5);
        // The host's own start (the bootstrap admin) is audited too: the checkpoint names the last entry, whatever it is.
        var last = LastSequence();
        (await NotifyHubCli.RunAsync(_data, null, "audit", "verify")).ExitCode.ShouldBe(0);
        Execute("DELETE FROM audit_entries WHERE sequence > 3");
        Execute("UPDATE audit_head SET last_sequence = 3, last_hash = (SELECT hash FROM audit_entries WHERE sequence = 3)");

        var verified = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");

        verified.ExitCode.ShouldBe(1);
        var line = verified.Error.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("notifyhub: audit chain broken: Audit entry 4 is missing: the checkpoint of ");
        line.ShouldContain($"names entry {last}");
    }

    public void Dispose() => NotifyHubFactory.DeleteDataDirectory(_data);

    private async Task AppendAsync(int count)
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _data });
        await using var scope = factory.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(new AuditEvent("test.cli", AuditOutcomes.Done) { SubjectId = Guid.NewGuid() });
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync()
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _data });
        var entries = await AuditTrail.EntriesAsync(factory.Services);
        SqliteConnection.ClearAllPools();
        return entries;
    }

    private long LastSequence()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "privacy.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(sequence) FROM audit_entries";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "privacy.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0);
    }

    private static string Detail(AuditEntry entry, string key) =>
        JsonDocument.Parse(entry.Details ?? "{}").RootElement.TryGetProperty(key, out var value) ? value.GetString()! : "";
}

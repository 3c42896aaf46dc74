using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Audit;

/// <summary><c>GET /api/v1/audit/verify</c> on a damaged log: a one-line answer naming the entry, never a 500.</summary>
public sealed class Verifying_the_audit_log : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("purpose = 'NotAPurpose'", "Purpose")]
    [InlineData("details = '{\"incident_id\": '", "Details")]
    public async Task A_row_that_no_longer_parses_is_named_in_one_line(string corruption, string column)
    {
        using var auditor = await StaffAccounts.ClientForAsync(_factory, Roles.Auditor);
        var damaged = 0L;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 0; i < 3; i++)
            {
                var entry = await log.AppendAsync(new AuditEvent("test.verify", AuditOutcomes.Done) { SubjectId = Guid.NewGuid() });
                damaged = i == 1 ? entry.Sequence : damaged;
            }
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "privacy.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE audit_entries SET {corruption} WHERE sequence = {damaged}";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var response = await auditor.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative));

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("isValid").GetBoolean().ShouldBeFalse();
        result.GetProperty("brokenAtSequence").GetInt64().ShouldBe(damaged);
        result.GetProperty("message").GetString()
            .ShouldBe($"Audit entry {damaged} cannot be read: its {column} column holds a value that is not valid.");
    }

    [Fact]
    public async Task An_intact_chain_is_checked_against_the_checkpoint_and_the_check_is_recorded()
    {
        using var auditor = await StaffAccounts.ClientForAsync(_factory, Roles.Auditor);

        // Each check is itself recorded, and anchors the head it found intact; the next one is compared with it.
        var results = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify"));
        }

        results.ShouldAllBe(r => r.GetProperty("isValid").GetBoolean());
        results[^1].GetProperty("message").GetString()!.ShouldContain("matches the checkpoint");
        var checks = (await AuditTrail.EntriesAsync(_factory.Services)).Where(e => e.Action == "audit.verify").ToList();
        checks.Count.ShouldBe(3);
        checks.ShouldAllBe(e => e.ActorUserId != null);
        File.Exists(Path.Combine(_factory.DataDirectory, "audit", "checkpoints")).ShouldBeTrue();
    }
}

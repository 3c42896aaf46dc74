using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Audit;

public sealed class Reading_the_audit_log(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task An_auditor_pages_through_entries_in_order_and_sees_the_chain_intact()
    {
        var subjects = new List<Guid>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 0; i < 5; i++)
            {
                subjects.Add(Guid.NewGuid());
                await log.AppendAsync(new AuditEvent("test.read", AuditOutcomes.Done) { SubjectId = subjects[^1] });
            }
        }

        using var auditor = await StaffAccounts.ClientForAsync(host, Roles.Auditor);
        var all = new List<JsonElement>();
        for (var skip = 0; ; skip += 2)
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?skip={skip}&take=2");
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            all.AddRange(entries);
            if (entries.Count < 2)
            {
                break;
            }
        }

        all.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
        all.Where(e => e.GetProperty("action").GetString() == "test.read").Select(e => e.GetProperty("subjectId").GetGuid())
            .ShouldBe(subjects);
        for (var i = 1; i < all.Count; i++)
        {
            all[i].GetProperty("previousHash").GetString().ShouldBe(all[i - 1].GetProperty("hash").GetString());
        }

        var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        verification.GetProperty("isValid").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.PrivacyOfficer)]
    [InlineData(Roles.Agent)]
    public async Task Other_roles_are_refused(string role)
    {
        using var client = await StaffAccounts.ClientForAsync(host, role, role == Roles.Agent ? Guid.NewGuid() : null);

        (await client.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_window_or_page_is_a_problem_naming_it()
    {
        using var auditor = await StaffAccounts.ClientForAsync(host, Roles.Auditor);

        await (await auditor.GetAsync(new Uri("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", UriKind.Relative)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_window");
        await (await auditor.GetAsync(new Uri("/api/v1/audit?take=5000", UriKind.Relative)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_page");
    }
}

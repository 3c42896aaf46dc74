using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Accounts;

public sealed class Account_life_cycle : IAsyncLifetime
{
    private readonly RecordingSessions _sessions = new();
    private readonly NotifyHubFactory _host;

    public Account_life_cycle() =>
        _host = new NotifyHubFactory(services: s => s.AddSingleton<IStaffSessions>(_sessions));

    [Fact]
    public async Task Every_change_ends_the_users_sessions_and_is_audited_without_an_email()
    {
        var account = await StaffAccounts.CreateAsync(_host, Roles.Supervisor);
        using var admin = await StaffAccounts.AdminClientAsync(_host);
        var at = $"/api/v1/staff/{account.Id}";

        (await admin.PostAsync(new Uri(at + "/disable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync(new Uri(at + "/enable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync(new Uri(at + "/unlock", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = await (await admin.PutAsJsonAsync(at + "/roles", new { roles = new[] { "Agent" } })).ShouldBeOkJsonAsync();
        (await admin.PostAsync(new Uri(at + "/2fa/reset", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync(new Uri(at, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Agent"]);
        _sessions.Ended.Where(e => e.UserId == account.Id).Select(e => e.Reason)
            .ShouldBe(["staff_disabled", "staff_enabled", "staff_unlocked", "roles_changed", "two_factor_reset", "staff_removed"]);
        (await admin.GetAsync(new Uri(at, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = _host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .ReadAsync(DateTimeOffset.UnixEpoch, TimeProvider.System.GetUtcNow().AddMinutes(1), 0, AuditLog.MaxPageSize);
        var mine = entries.Where(e => e.SubjectId == account.Id).Select(e => e.Action).ToList();
        mine.ShouldBe(["staff.disable", "staff.enable", "staff.unlock", "staff.roles_change", "staff.2fa_reset", "staff.remove"]);
        entries.ShouldContain(e => e.Action == "auth.sign_in" && e.Outcome == "granted");
        entries.ShouldAllBe(e => e.Details == null || !e.Details.Contains('@'));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_removed_or_stripped_of_Admin()
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var at = $"/api/v1/staff/{me.GetProperty("id").GetGuid()}";

        await (await admin.PostAsync(new Uri(at + "/disable", UriKind.Relative), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await (await admin.DeleteAsync(new Uri(at, UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await (await admin.PutAsJsonAsync(at + "/roles", new { roles = new[] { "PrivacyOfficer" } })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");

        // With a second admin the first may go.
        await StaffAccounts.CreateAsync(_host, Roles.Admin);
        (await admin.PostAsync(new Uri(at + "/disable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_account_may_hold_Auditor_with_Admin_or_PrivacyOfficer()
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);
        var auditor = await StaffAccounts.CreateAsync(_host, Roles.Auditor);

        await (await admin.PostAsJsonAsync("/api/v1/staff", new { email = "godmode@notifyhub.test", password = StaffAccounts.Password, roles = new[] { "Admin", "Auditor" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "incompatible_roles");
        await (await admin.PostAsJsonAsync("/api/v1/staff", new { email = "godmode2@notifyhub.test", password = StaffAccounts.Password, roles = new[] { "PrivacyOfficer", "Auditor" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "incompatible_roles");
        await (await admin.PutAsJsonAsync($"/api/v1/staff/{auditor.Id}/roles", new { roles = new[] { "Auditor", "Admin" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "incompatible_roles");
    }

    [Fact]
    public async Task An_admin_gets_403_on_privacy_officer_routes_and_the_refusal_is_audited()
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);

        await (await admin.PostAsJsonAsync("/api/v1/incidents", new { title = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await using var scope = _host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .ReadAsync(DateTimeOffset.UnixEpoch, TimeProvider.System.GetUtcNow().AddMinutes(1), 0, AuditLog.MaxPageSize);
        entries.ShouldContain(e => e.Action == "access.forbidden" && e.Details!.Contains("/api/v1/incidents"));
    }

    [Theory]
    [InlineData("x@y")]
    [InlineData("admin@notifyhub.test.")]
    [InlineData("a..b@notifyhub.test")]
    [InlineData("admin@notifyhub..test")]
    public async Task Staff_emails_without_a_proper_dotted_domain_are_refused(string email)
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { email, password = StaffAccounts.Password, roles = new[] { "Auditor" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("\u202eTrusted Vendor Ltd\u202c gnp.exe")]
    [InlineData("Vendor\u200bA")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Vendor_names_with_invisible_direction_or_markup_characters_are_refused(string name)
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);

        await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_second_vendor_with_the_same_name_in_another_case_or_spacing_is_refused()
    {
        using var admin = await StaffAccounts.AdminClientAsync(_host);

        (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Vendor  Alpha" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "vendor alpha" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "vendor_name_in_use");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed class RecordingSessions : IStaffSessions
    {
        public ConcurrentQueue<(Guid UserId, string Reason)> Ended { get; } = new();

        public Task RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
        {
            Ended.Enqueue((userId, reason));
            return Task.CompletedTask;
        }
    }
}

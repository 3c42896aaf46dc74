using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;

namespace NotifyHub.Host.Tests.Cli;

/// <summary><c>notifyhub users disable|enable|unlock|roles|reset-2fa|remove</c>, run as the operator runs them.</summary>
public sealed class Users_life_cycle_commands : IDisposable
{
    private const string Password = "Cli-Created-Passw0rd";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Each_verb_changes_the_account_prints_one_line_and_is_audited_as_a_command_line_action()
    {
        await AddAsync("admin@cli.test", "Admin");
        var officer = await AddAsync("officer@cli.test", "PrivacyOfficer");

        (await RunAsync("disable", "officer@cli.test")).ShouldBe($"{officer} disabled");
        (await RunAsync("enable", officer.ToString())).ShouldBe($"{officer} enabled");
        (await RunAsync("unlock", officer.ToString())).ShouldBe($"{officer} unlocked");
        (await RunAsync("roles", officer.ToString(), "--role", "Auditor")).ShouldBe($"{officer} roles Auditor");
        (await RunAsync("reset-2fa", officer.ToString())).ShouldBe($"{officer} two-factor reset");
        (await RunAsync("remove", officer.ToString())).ShouldBe($"{officer} removed");

        await using var host = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _data });
        await using var scope = host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .ReadAsync(DateTimeOffset.UnixEpoch, TimeProvider.System.GetUtcNow().AddMinutes(1), 0, AuditLog.MaxPageSize);
        var officers = entries.Where(e => e.SubjectId == officer).ToList();
        officers.Select(e => e.Action).ShouldBe(
            ["staff.create", "staff.disable", "staff.enable", "staff.unlock", "staff.roles_change", "staff.2fa_reset", "staff.remove"]);
        officers.ShouldAllBe(e => e.Details!.Contains("\"via\":\"cli\"") && !e.Details.Contains('@'));
    }

    [Fact]
    public async Task The_last_admin_and_an_auditor_admin_are_refused_in_one_line()
    {
        var admin = await AddAsync("only-admin@cli.test", "Admin");

        foreach (var arguments in new[] { new[] { "disable", admin.ToString() }, ["remove", admin.ToString()], ["roles", admin.ToString(), "--role", "PrivacyOfficer"] })
        {
            var refused = await NotifyHubCli.RunAsync(_data, null, ["users", .. arguments]);
            refused.ExitCode.ShouldBe(1);
            refused.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("last active admin");
        }

        var both = await NotifyHubCli.RunAsync(_data, null, "users", "roles", admin.ToString(), "--role", "Admin", "--role", "Auditor");
        both.ExitCode.ShouldBe(1);
        both.Error.Trim().ShouldStartWith("notifyhub: Auditor cannot be held together with Admin or PrivacyOfficer");
        var unknown = await NotifyHubCli.RunAsync(_data, null, "users", "disable", "nobody@cli.test");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.Trim().ShouldStartWith("notifyhub: no staff account with that email");
    }

    private async Task<Guid> AddAsync(string email, string role)
    {
        var added = await NotifyHubCli.RunAsync(_data, Password, "users", "add", "--email", email, "--role", role);
        added.ExitCode.ShouldBe(0, added.Error);
        return Guid.Parse(added.Output.Trim().Split('\n').Last());
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var result = await NotifyHubCli.RunAsync(_data, null, ["users", .. arguments]);
        result.ExitCode.ShouldBe(0, result.Error);
        return result.Output.Trim();
    }

    public void Dispose() => NotifyHubFactory.DeleteDataDirectory(_data);
}

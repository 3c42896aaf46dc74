using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Cli;

/// <summary><c>notifyhub users …</c> as an operator runs it: the built binary, the password on standard input.</summary>
public sealed class Users_command : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Add_reads_the_password_from_stdin_and_creates_a_user_who_can_log_in()
    {
        const string password = "Cli-Created-Passw0rd";

        var added = await NotifyHubCli.RunAsync(_data, password,
            "users", "add", "--email", "cli@notifyhub.test", "--role", "PrivacyOfficer", "--role", "Admin");

        added.ExitCode.ShouldBe(0, added.Error);
        var id = Guid.Parse(added.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .First(line => Guid.TryParse(line, out _)));
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _data });
        using var client = await StaffAccounts.ClientAsync(factory, "cli@notifyhub.test", password);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        me.GetProperty("id").GetGuid().ShouldBe(id);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Admin", "PrivacyOfficer"]);

        var listed = await NotifyHubCli.RunAsync(_data, null, "users", "list");
        listed.ExitCode.ShouldBe(0, listed.Error);
        listed.Output.ShouldContain($"{id}  cli@notifyhub.test");
        listed.Output.ShouldNotContain(password);
    }

    [Theory]
    [InlineData("short", "Passwords must be at least 12 characters.")]
    [InlineData("", "no password on standard input")]
    public async Task A_weak_or_empty_password_gives_one_line_on_stderr_and_exit_code_1(string password, string message)
    {
        var result = await NotifyHubCli.RunAsync(_data, password, "users", "add", "--email", "weak@notifyhub.test", "--role", "Admin");

        result.ExitCode.ShouldBe(1);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("notifyhub: ");
        lines[0].ShouldContain(message);
        result.Output.ShouldNotContain("weak@notifyhub.test");
    }

    [Fact]
    public async Task An_agent_without_a_vendor_is_refused()
    {
        var result = await NotifyHubCli.RunAsync(_data, "Agent-Passw0rd!Long", "users", "add", "--email", "agent@notifyhub.test", "--role", "Agent");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldBe("notifyhub: Agents and supervisors must belong to a vendor.");
    }

    public void Dispose()
    {
        NotifyHubFactory.DeleteDataDirectory(_data);
    }
}

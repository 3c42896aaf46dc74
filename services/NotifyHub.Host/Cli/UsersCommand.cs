using FluentValidation;
using Mediator;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;
using System.CommandLine;
using System.Globalization;
using System.Text;

namespace NotifyHub.Host;

/// <summary>
/// <c>notifyhub users add --email E --role R [--role R2] [--vendor V]</c> (password: one line on standard input,
/// never an argument, which would land in shell history and <c>ps</c>), <c>notifyhub users list</c>, and the life
/// cycle: <c>disable|enable|unlock|reset-2fa|remove USER</c> and <c>roles USER --role R…</c>, USER being an id or an
/// email. All go through the same command handlers, rules and audit entries as the staff API.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Staff accounts: add, list, disable, enable, unlock, change roles, reset 2FA, remove.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(UsersLifecycleVerbs.Lifecycle("disable", "Disable an account and end its sessions (not the last active admin).", "disabled", id => new DisableStaff(id) { Actor = AccountAudit.CommandLine }));
        users.Subcommands.Add(UsersLifecycleVerbs.Lifecycle("enable", "Enable a disabled account.", "enabled", id => new EnableStaff(id) { Actor = AccountAudit.CommandLine }));
        users.Subcommands.Add(UsersLifecycleVerbs.Lifecycle("unlock", "End a lockout after failed sign-ins.", "unlocked", id => new UnlockStaff(id) { Actor = AccountAudit.CommandLine }));
        users.Subcommands.Add(UsersLifecycleVerbs.Lifecycle("reset-2fa", "Turn off an account's second factor (lost authenticator); it must enrol again.", "two-factor reset", id => new ResetStaffTwoFactor(id) { Actor = AccountAudit.CommandLine }));
        users.Subcommands.Add(UsersLifecycleVerbs.Remove());
        users.Subcommands.Add(UsersLifecycleVerbs.ChangeRoles());
        return users;
    }

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "Email address; it is also the user name.", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", Roles.All)}. Repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var vendor = new Option<Guid?>("--vendor") { Description = "Vendor id; required for Agent and Supervisor." };
        var add = new Command("add", "Add a staff account. Reads the password from standard input (one line).") { email, roles, vendor };
        add.SetAction((parse, ct) => CliGuard.Run(async () =>
        {
            var password = await ReadPasswordAsync(ct);
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var command = new CreateStaff(parse.GetValue(email)!, password, parse.GetValue(roles) ?? [], parse.GetValue(vendor))
            {
                Actor = AccountAudit.CommandLine,
            };
            var id = await CliAudit.RunAsync(app.Services, "users add",
                () => Send(scope.ServiceProvider.GetRequiredService<IMediator>(), command, ct),
                id => new AuditEvent(PrivilegedActions.CliVerb("users add"), AuditOutcomes.Done)
                {
                    SubjectId = id,
                    Details = new Dictionary<string, string>
                    {
                        ["roles"] = string.Join(',', command.Roles),
                        ["vendor_id"] = command.VendorId?.ToString() ?? "",
                    },
                },
                ct);
            await System.Console.Out.WriteLineAsync(id.ToString());
        }));
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "List staff accounts (no password data).");
        list.SetAction((_, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var staff = await CliAudit.RunAsync(app.Services, "users list",
                async () => await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListStaff(), ct),
                staff => new AuditEvent(PrivilegedActions.CliVerb("users list"), AuditOutcomes.Done)
                {
                    Details = new Dictionary<string, string> { ["accounts"] = staff.Count.ToString(CultureInfo.InvariantCulture) },
                },
                ct);
            var output = new StringBuilder();
            output.AppendLine(CultureInfo.InvariantCulture, $"{"ID",-36}  {"EMAIL",-32}  {"ROLES",-24}  {"VENDOR",-36}  2FA  LOCKED");
            foreach (var s in staff)
            {
                output.AppendLine(CultureInfo.InvariantCulture,
                    $"{s.Id,-36}  {s.Email,-32}  {string.Join(',', s.Roles),-24}  {s.VendorId?.ToString() ?? "-",-36}  {(s.TwoFactorEnabled ? "yes" : "no"),-3}  {(s.LockedOutUntil is null ? "no" : "yes")}");
            }

            await System.Console.Out.WriteAsync(output.ToString());
        }));
        return list;
    }

    /// <summary>One line from standard input; typed without echo when a person is at a terminal.</summary>
    private static async Task<string> ReadPasswordAsync(CancellationToken ct)
    {
        string? password;
        if (System.Console.IsInputRedirected)
        {
            password = await System.Console.In.ReadLineAsync(ct);
        }
        else
        {
            await System.Console.Error.WriteAsync("Password: ");
            password = ReadWithoutEcho();
            await System.Console.Error.WriteLineAsync();
        }

        return string.IsNullOrEmpty(password)
            ? throw new CliException("no password on standard input: pipe it as one line, e.g. `read -rs P; echo \"$P\" | notifyhub users add ...`")
            : password;
    }

    private static string ReadWithoutEcho()
    {
        var password = new StringBuilder();
        for (var key = System.Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = System.Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        return password.ToString();
    }

    /// <summary>The API's failures (validation, conflicts) as the one line a CLI user needs.</summary>
    internal static async Task<T> Send<T>(IMediator mediator, ICommand<T> command, CancellationToken ct)
    {
        try
        {
            return await mediator.Send(command, ct);
        }
        catch (ValidationException e)
        {
            throw new CliException(string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct()));
        }
        catch (ProblemException e)
        {
            throw new CliException(e.Detail ?? e.Title);
        }
    }
}

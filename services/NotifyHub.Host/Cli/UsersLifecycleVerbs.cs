using Mediator;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using System.CommandLine;

namespace NotifyHub.Host;

/// <summary>
/// The life-cycle verbs of <c>notifyhub users</c>: disable, enable, unlock, reset-2fa, remove and roles, each on one
/// account named by id or email, through the same handlers (rules, session ending, audit) as the staff API.
/// </summary>
internal static class UsersLifecycleVerbs
{
    private static Argument<string> UserArgument() => new("user") { Description = "The account: its id or its email." };

    internal static Command Lifecycle(string name, string description, string done, Func<Guid, ICommand<StaffView>> make)
    {
        var user = UserArgument();
        var command = new Command(name, description) { user };
        command.SetAction((parse, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var id = await ResolveAsync(scope.ServiceProvider, parse.GetValue(user)!);
            var view = await UsersCommand.Send(scope.ServiceProvider.GetRequiredService<IMediator>(), make(id), ct);
            await System.Console.Out.WriteLineAsync($"{view.Id} {done}");
        }));
        return command;
    }

    internal static Command Remove()
    {
        var user = UserArgument();
        var command = new Command("remove", "Delete an account for good (not the last active admin).") { user };
        command.SetAction((parse, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var id = await ResolveAsync(scope.ServiceProvider, parse.GetValue(user)!);
            await UsersCommand.Send(scope.ServiceProvider.GetRequiredService<IMediator>(), new RemoveStaff(id) { Actor = AccountAudit.CommandLine }, ct);
            await System.Console.Out.WriteLineAsync($"{id} removed");
        }));
        return command;
    }

    internal static Command ChangeRoles()
    {
        var user = UserArgument();
        var roles = new Option<string[]>("--role")
        {
            Description = $"The account's roles from now on: {string.Join(", ", Roles.All)}. Repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("roles", "Replace an account's roles and end its sessions.") { user, roles };
        command.SetAction((parse, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var id = await ResolveAsync(scope.ServiceProvider, parse.GetValue(user)!);
            var view = await UsersCommand.Send(scope.ServiceProvider.GetRequiredService<IMediator>(),
                new ChangeStaffRoles(id, parse.GetValue(roles) ?? []) { Actor = AccountAudit.CommandLine }, ct);
            await System.Console.Out.WriteLineAsync($"{view.Id} roles {string.Join(',', view.Roles)}");
        }));
        return command;
    }

    private static async Task<Guid> ResolveAsync(IServiceProvider services, string user)
    {
        if (Guid.TryParse(user, out var id))
        {
            return id;
        }

        var found = await services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(user.Trim());
        return found?.Id ?? throw new CliException($"no staff account with that email: run `notifyhub users list`");
    }
}

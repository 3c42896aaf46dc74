using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Bootstrap;

/// <summary>
/// On a start that finds no user, creates the first admin from <c>NotifyHub:Bootstrap</c>. Without a configured
/// password it generates one and prints it once to standard output — never through ILogger, whose lines may be
/// shipped to a log store. Registered after the database, so it starts after <c>DatabaseMigrator</c>.
/// </summary>
public sealed partial class BootstrapAdmin(
    IServiceScopeFactory scopes, IOptions<BootstrapOptions> options, ILogger<BootstrapAdmin> logger,
    TextWriter? output = null) : IHostedService
{
    private readonly TextWriter _output = output ?? System.Console.Out;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsoleDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.AdminPassword);
        var password = generated ? OneTimePassword.Generate() : settings.AdminPassword!;
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateStaff(settings.AdminEmail, password, [Roles.Admin], VendorId: null), cancellationToken);
        }
        catch (ProblemException e) when (e.Code == "email_in_use")
        {
            // Another instance starting at the same moment created it first.
            return;
        }
        catch (FluentValidation.ValidationException e)
        {
            throw new InvalidOperationException(
                $"NotifyHub:Bootstrap cannot create the first admin: {string.Join(" ", e.Errors.Select(x => x.ErrorMessage))}", e);
        }

        LogCreated(logger);
        if (generated)
        {
            await _output.WriteLineAsync(Banner(settings.AdminEmail, password).AsMemory(), cancellationToken);
            await _output.FlushAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Banner(string email, string password) => string.Join(Environment.NewLine,
        "",
        "==================== NotifyHub: first admin created ====================",
        $"  email:              {email}",
        $"  one-time password:  {password}",
        "  Shown only this once and never logged. Sign in and change it now",
        "  (POST /api/v1/auth/password).",
        "========================================================================",
        "");

    [LoggerMessage(Level = LogLevel.Information, Message = "No user existed: created the bootstrap admin")]
    private static partial void LogCreated(ILogger logger);
}

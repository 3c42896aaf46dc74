using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NotifyHub.Console.Auth;

/// <summary>Says at every start that admins and privacy officers may sign in without a second factor, while that is so.</summary>
public sealed partial class TwoFactorPolicyWarning(IOptions<AccountSecurityOptions> options, ILogger<TwoFactorPolicyWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RequireTwoFactor)
        {
            LogTwoFactorNotRequired(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "NotifyHub:Security:RequireTwoFactor is false: admins and privacy officers can sign in with a password alone. Use this only for tests and demos.")]
    private static partial void LogTwoFactorNotRequired(ILogger logger);
}

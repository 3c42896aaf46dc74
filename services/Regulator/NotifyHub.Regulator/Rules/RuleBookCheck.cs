using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Hosting;

namespace NotifyHub.Regulator.Rules;

/// <summary>
/// Loads the rule book when the host starts, not at the first request: a bad rule file stops the host with one line
/// naming the file and the field, instead of a regulator deadline computed from a misread rule.
/// </summary>
public sealed class RuleBookCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = (RuleBook)services.GetService(typeof(RuleBook))!;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static RuleBook Load(IOptions<RegulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return RuleBook.Load(options.Value.RulesDirectory ?? RuleBook.DefaultDirectory);
        }
        catch (RuleFileException e)
        {
            throw new StartupCheckException($"{RegulatorOptions.Section}: {e.Message}");
        }
    }
}

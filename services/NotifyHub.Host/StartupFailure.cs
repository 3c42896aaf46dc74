using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Host;

/// <summary>Recognises the failures that are the operator's to fix (settings, keys) and says them in one line.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        InvalidOperationException { Message: var m } when m.Contains("NotifyHub:", StringComparison.Ordinal) => m,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Describe(aggregate.InnerExceptions[0]),
        RootKeyUnavailableException rootKey => rootKey.Message,
        StartupCheckException check => check.Message,
        _ => null,
    };
}

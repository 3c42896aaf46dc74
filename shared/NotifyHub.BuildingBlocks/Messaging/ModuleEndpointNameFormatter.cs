using MassTransit;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Queue names from type names, prefixed by the consumer's module (<c>NotifyHub.Regulator.…</c> → <c>regulator-…</c>),
/// so two modules consuming the same event get their own queues, identical in memory and on RabbitMQ.
/// </summary>
public sealed class ModuleEndpointNameFormatter() : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    public override string Consumer<T>() => $"{ModuleOf(typeof(T))}-{base.Consumer<T>()}";

    internal static string ModuleOf(Type type)
    {
        var parts = (type.Namespace ?? "app").Split('.');
        return (parts.Length > 1 && parts[0] == "NotifyHub" ? parts[1] : parts[0]).ToLowerInvariant();
    }
}

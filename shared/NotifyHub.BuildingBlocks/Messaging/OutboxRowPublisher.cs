using MassTransit;
using System.Diagnostics;
using System.Text.Json;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>Publishes one outbox row; a failure is returned (not thrown) so the other rows of the batch go on.</summary>
internal static class OutboxRowPublisher
{
    public static async Task<OutboxFailure?> PublishAsync(IPublishEndpoint publisher, OutboxMessage row, ActivitySource source,
        CancellationToken ct)
    {
        Type type;
        object message;
        try
        {
            type = Type.GetType(row.MessageType, throwOnError: true)!;
            message = JsonSerializer.Deserialize(row.Body, type, OutboxPublishing.Json)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or JsonException
            or NotSupportedException or ArgumentException)
        {
            return new OutboxReadFailure(e);
        }

        // Continue the trace of the request that wrote the row, so publisher and consumer share one trace.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        try
        {
            await publisher.Publish(message, type, Pipe.Execute<PublishContext>(ctx => ctx.MessageId = row.MessageId), ct);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            return new OutboxSendFailure(e);
        }
    }
}

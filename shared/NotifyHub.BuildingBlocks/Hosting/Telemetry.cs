using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Messaging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NotifyHub.BuildingBlocks.Hosting;

public static class Telemetry
{
    /// <summary>Activity sources of our own code; MassTransit's carries the trace from publisher to consumer.</summary>
    public static readonly string[] Sources = ["NotifyHub.*", "MassTransit"];

    /// <summary>Traces for HTTP and the bus, the outbox's metrics; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public static IServiceCollection AddNotifyHubTelemetry(this IServiceCollection services, string serviceName)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t.AddSource(Sources).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(OutboxMetrics.MeterName));
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            otel.UseOtlpExporter();
        }

        return services;
    }
}

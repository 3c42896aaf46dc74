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

    /// <summary>
    /// Traces for HTTP and the bus, the outbox's metrics, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// set. Without an endpoint nothing is registered: the SDK would record a trace of every request and message only
    /// to drop it. Logs still carry the trace id (ASP.NET Core starts the request's activity itself), and a listener of
    /// one's own (a test, a profiler) still sees every activity.
    /// </summary>
    public static IServiceCollection AddNotifyHubTelemetry(this IServiceCollection services, string serviceName)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t.AddSource(Sources).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(OutboxMetrics.MeterName))
            .UseOtlpExporter();
        return services;
    }
}

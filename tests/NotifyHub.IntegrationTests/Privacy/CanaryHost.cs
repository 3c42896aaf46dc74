using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotifyHub.Testing;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>The whole host in process with every log line and bus message recorded, logging at Debug (EF Core's SQL included).</summary>
public sealed class CanaryHost(IDictionary<string, string?> settings) : NotifyHubFactory(WithDebugLogging(settings))
{
    public CanaryEvidence Evidence { get; } = new();

    /// <summary>Starts the host and connects the bus observers, so nothing published from then on escapes the recording.</summary>
    public void Start()
    {
        var bus = Services.GetRequiredService<IBus>();
        bus.ConnectPublishObserver(Evidence);
        bus.ConnectSendObserver(Evidence);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Evidence));
    }

    private static Dictionary<string, string?> WithDebugLogging(IDictionary<string, string?> settings) =>
        new(settings)
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:LogLevel:MassTransit"] = "Debug",
            // Tests run at any hour: no SMS quiet hours; letters batched and the scheduler polled quickly.
            ["NotifyHub:Notifications:QuietHoursStart"] = "00:00",
            ["NotifyHub:Notifications:QuietHoursEnd"] = "00:00",
            ["NotifyHub:Notifications:SchedulerInterval"] = "00:00:00.200",
            ["NotifyHub:Notifications:LetterBatchWindow"] = "00:00:00.500",
        };
}

using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Intake.Incidents;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.Support;

/// <summary>Incidents made through the intake module's own command, for tests about pages that show one.</summary>
public static class TestIncidents
{
    public static async Task<Guid> OpenAsync(NotifyHubFactory app, string title = "Test incident")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenIncident(
            title, "Call-centre vendor breached.", TimeProvider.System.GetUtcNow().AddDays(-1), null, null, "vendor",
            ["name", "email"], ["AU", "JP"])
        { Actor = "tests" });
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotifyHub.BuildingBlocks.Modules;

namespace NotifyHub.BuildingBlocks.Hosting;

public static class NotifyHubPipeline
{
    /// <summary>Middleware, health endpoints, OpenAPI, then each active module's endpoints.</summary>
    public static WebApplication UseNotifyHub(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapNotifyHubHealth();
        app.MapOpenApi();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Active)
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}

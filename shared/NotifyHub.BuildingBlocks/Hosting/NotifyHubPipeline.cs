using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotifyHub.BuildingBlocks.Modules;

namespace NotifyHub.BuildingBlocks.Hosting;

public static class NotifyHubPipeline
{
    /// <summary>Middleware, health endpoints, OpenAPI (Development only), then each active module's endpoints.</summary>
    public static WebApplication UseNotifyHub(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        // Scalar's page runs inline script; it exists in Development only.
        app.UseSecurityHeaders(development ? c => c.Request.Path.StartsWithSegments("/scalar") : null);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapNotifyHubHealth();
        if (development)
        {
            // The document describes every endpoint: a map for an attacker, so never served in Production.
            app.MapOpenApi().AllowAnonymous();
        }

        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Active)
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}

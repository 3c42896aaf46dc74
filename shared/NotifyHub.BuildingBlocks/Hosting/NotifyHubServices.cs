using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.BuildingBlocks.PrivacyStore;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.BuildingBlocks.Hosting;

public static class NotifyHubServices
{
    /// <summary>
    /// Everything a NotifyHub process needs whatever modules it runs: options, database, bus, auth,
    /// problem details, telemetry, health checks, OpenAPI; then the modules chosen by <c>NotifyHub:Modules</c>.
    /// </summary>
    public static ModuleCatalog AddNotifyHub(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<NotifyHubOptions>().BindConfiguration(NotifyHubOptions.Section).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Before anything writes there: created 0700, or refused when group or others can read it.
        PrivateDataDirectory.Ensure(configuration.GetSection(NotifyHubOptions.Section).Get<NotifyHubOptions>()?.DataDirectory ?? "data");
        var limits = configuration.GetSection(HttpLimitsOptions.Section).Get<HttpLimitsOptions>() ?? new HttpLimitsOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });

        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.AddNotifyHubTelemetry(builder.Environment.ApplicationName);
        // The privacy store first: hosted services start in registration order, so its root-key check refuses a
        // wrong key in one line before Data Protection tries to read its key ring under that key.
        services.AddPrivacyStore(configuration);
        services.AddNotifyHubAuthentication(configuration);

        var catalog = new ModuleCatalog(modules, configuration);
        catalog.Register(services, configuration);
        services.AddNotifyHubBus(configuration, catalog.Consumers);
        services.AddSingleton(catalog);
        return catalog;
    }
}

using Mediator;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Web;
using Scalar.AspNetCore;

namespace NotifyHub.Host;

/// <summary>The composition root: every module, the shared plumbing, and the Mediator generated for all of them.</summary>
public static class NotifyHubApp
{
    /// <summary>Where the host listens when nothing else says (ASPNETCORE_URLS, --urls, Urls, Kestrel endpoints): loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Before anything is written: every file and folder this process creates is its user's only.
        PrivateDataDirectory.RestrictNewFiles();
        var builder = CreateBuilder(args);

        // The generic host logs "Hosting failed to start" with a stack trace before Program can say in one line what
        // the operator must fix; Program rethrows whatever it cannot describe, so muting that one log loses nothing.
        var started = false;
        // (This rule replaces Logging:LogLevel for that one category, hence its own Information floor.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host",
            level => level >= LogLevel.Information && (level < LogLevel.Error || Volatile.Read(ref started)));
        configure?.Invoke(builder);
        UseDefaultUrlsUnlessSet(builder);
        builder.AddNotifyHub(AllModules.Create());

        // Mediator's generator registers the handlers of every module compiled in, including those of modules this
        // instance does not run (whose DbContexts are absent); they are never resolved, so only scopes are validated.
        builder.Host.UseDefaultServiceProvider(o => (o.ValidateScopes, o.ValidateOnBuild) = (true, false));
        builder.Services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
        app.UseNotifyHubPages();
        app.UseNotifyHub();
        app.MapNotifyHubPages();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }

    /// <summary>
    /// A default in appsettings.json would override ASPNETCORE_URLS (environment variables with that prefix are read
    /// before the JSON files), so the default applies here, only when no source set an address.
    /// </summary>
    private static void UseDefaultUrlsUnlessSet(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) &&
            string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]) &&
            !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }
    }

    /// <summary>
    /// Settings ship beside the binary, so they load whatever folder it is started from;
    /// the data directory stays relative to the working folder.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}

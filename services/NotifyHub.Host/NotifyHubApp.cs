using Mediator;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Web;
using Scalar.AspNetCore;

namespace NotifyHub.Host;

/// <summary>The composition root: every module, the shared plumbing, and the Mediator generated for all of them.</summary>
public static class NotifyHubApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args);

        // The generic host logs "Hosting failed to start" with a stack trace before Program can say in one line what
        // the operator must fix; Program rethrows whatever it cannot describe, so muting that one log loses nothing.
        var started = false;
        // (This rule replaces Logging:LogLevel for that one category, hence its own Information floor.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host",
            level => level >= LogLevel.Information && (level < LogLevel.Error || Volatile.Read(ref started)));
        configure?.Invoke(builder);
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
    /// Settings ship beside the binary, so they load whatever folder it is started from;
    /// the data directory stays relative to the working folder.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}

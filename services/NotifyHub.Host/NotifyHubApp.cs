using Mediator;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.BuildingBlocks.Web;
using Scalar.AspNetCore;

namespace NotifyHub.Host;

/// <summary>The composition root: every module, the shared plumbing, and the Mediator generated for all of them.</summary>
public static class NotifyHubApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = CreateBuilder(args);
        builder.AddNotifyHub(AllModules.Create());
        builder.Services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        var app = builder.Build();
        app.UseNotifyHub();
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

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.BuildingBlocks.PrivacyStore;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Bootstrap;
using NotifyHub.Console.Database;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Vendors;
using NotifyHub.Web;

namespace NotifyHub.Console;

/// <summary>Staff identity (ASP.NET Core Identity), vendors and the privacy officers' pages.</summary>
public sealed class ConsoleModule : IModule
{
    public string Name => "console";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<ConsoleDbContext, SqliteConsoleDbContext, PostgreSqlConsoleDbContext>()
            .AddConsumer<VendorRevokedConsumer, VendorRevokedConsumerDefinition>();
        module.Services.AddStaff();
        module.Services.AddVendors();
        module.Services.AddOptions<AccountSecurityOptions>().BindConfiguration(AccountSecurityOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        module.Services.AddScoped<SignInThrottle>();
        module.Services.AddScoped<SignInRecorder>();
        module.Services.AddScoped<PasswordChanger>();
        module.Services.AddScoped<TwoFactorEnrolment>();
        module.Services.AddHostedService<TwoFactorPolicyWarning>();
        module.Services.AddModulePages(typeof(ConsoleModule).Assembly);

        // Hosted services start in registration order: this one runs after DatabaseMigrator, registered with the database.
        module.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        module.Services.AddHostedService<BootstrapAdmin>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthApiV1();
        endpoints.MapStaffApiV1();
        endpoints.MapVendorsApiV1();
        endpoints.MapAuditApiV1();
        // The site's front door: the console home, which sends anyone not signed in to the sign-in page.
        endpoints.MapGet("/", () => TypedResults.Redirect("/console")).AllowAnonymous().ExcludeFromDescription();
    }
}

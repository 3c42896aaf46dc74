using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Intake.CallCentre;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Intake.Incidents;
using NotifyHub.Intake.Notifications;
using NotifyHub.Intake.Pages.Imports;
using NotifyHub.Web;

namespace NotifyHub.Intake;

/// <summary>Incidents, affected parties, imports and reference codes.</summary>
public sealed class IntakeModule : IModule
{
    public string Name => "intake";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<IntakeDbContext, SqliteIntakeDbContext, PostgreSqlIntakeDbContext>()
            .AddConsumer<VendorAssignedConsumer>()
            .AddConsumer<ProjectCallCentrePageConsumer>()
            .AddConsumer<ImportedPartiesConsumer>()
            .AddConsumer<SealProjectionsConsumer>();
        module.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        module.Services.AddIncidents();
        module.Services.AddImports();
        module.Services.AddScoped<CallCentreProjector>();
        module.Services.AddScoped<NotificationsProjector>();
        module.Services.AddModulePages(typeof(IntakeModule).Assembly);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapIncidentsApiV1().MapImportsApiV1().MapImportUpload();
}

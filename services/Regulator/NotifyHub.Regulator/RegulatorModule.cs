using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Regulator.Assessments;
using NotifyHub.Regulator.Counts;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Drafts;
using NotifyHub.Regulator.Filings;
using NotifyHub.Regulator.Incidents;
using NotifyHub.Regulator.Letters;
using NotifyHub.Regulator.Obligations;
using NotifyHub.Regulator.Pages.Obligations;
using NotifyHub.Regulator.Reminders;
using NotifyHub.Regulator.Rules;
using NotifyHub.Web;

namespace NotifyHub.Regulator;

/// <summary>Obligations, deadlines, report drafts and filings. Holds aggregates only, never person-level data.</summary>
public sealed class RegulatorModule : IModule
{
    public string Name => "regulator";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<RegulatorDbContext, SqliteRegulatorDbContext, PostgreSqlRegulatorDbContext>()
            .AddConsumer<IncidentOpenedConsumer>()
            .AddConsumer<IncidentClocksChangedConsumer>()
            .AddConsumer<AffectedPartiesCountedConsumer>()
            .AddConsumer<NoticeTemplateAddedConsumer>()
            .AddConsumer<RegulatorReportsLog>();
        var services = module.Services;
        services.AddOptions<RegulatorOptions>().BindConfiguration(RegulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => RuleBookCheck.Load(sp.GetRequiredService<IOptions<RegulatorOptions>>()));
        services.AddHostedService<RuleBookCheck>();
        services.AddSingleton<ObligationEngine>();
        services.AddScoped<ObligationsRecompute>();
        services.AddScoped<RecordAssessment>();
        services.AddScoped<FileReport>();
        services.AddScoped<DraftBuilder>();
        services.AddSingleton<DraftPdfRenderer>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        // The board reads like GET /api/v1/incidents/{id}/obligations: privacy officers and auditors (full session).
        services.AddAuthorizationBuilder().AddPolicy(IndexModel.BoardPolicy,
            p => p.RequireRole(Roles.PrivacyOfficer, Roles.Auditor).AddRequirements(FullSessionRequirement.Instance));
        services.AddModulePages(typeof(RegulatorModule).Assembly);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapRegulatorApiV1();
}

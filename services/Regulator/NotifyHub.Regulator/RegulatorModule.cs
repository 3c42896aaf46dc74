using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Incidents;

namespace NotifyHub.Regulator;

/// <summary>Obligations, deadlines, report drafts and filings. Holds aggregates only, never person-level data.</summary>
public sealed class RegulatorModule : IModule
{
    public string Name => "regulator";

    public void Register(ModuleBuilder module) =>
        module.AddDatabase<RegulatorDbContext, SqliteRegulatorDbContext, PostgreSqlRegulatorDbContext>()
            .AddConsumer<IncidentOpenedConsumer>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

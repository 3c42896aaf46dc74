using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre;

/// <summary>Cases, notes, callbacks and agent activity; reads people only through the metered key service.</summary>
public sealed class CallCentreModule : IModule
{
    public string Name => "callcentre";

    public void Register(ModuleBuilder module) =>
        module.AddDatabase<CallCentreDbContext, SqliteCallCentreDbContext, PostgreSqlCallCentreDbContext>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal;

/// <summary>Public status pages for affected people; keeps no personal data of its own.</summary>
public sealed class PortalModule : IModule
{
    public string Name => "portal";

    public void Register(ModuleBuilder module) =>
        module.AddDatabase<PortalDbContext, SqlitePortalDbContext, PostgreSqlPortalDbContext>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

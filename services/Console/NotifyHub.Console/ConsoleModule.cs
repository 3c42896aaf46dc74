using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Console.Database;

namespace NotifyHub.Console;

/// <summary>Staff identity (ASP.NET Core Identity), vendors and the privacy officers' pages.</summary>
public sealed class ConsoleModule : IModule
{
    public string Name => "console";

    public void Register(ModuleBuilder module) =>
        module.AddDatabase<ConsoleDbContext, SqliteConsoleDbContext, PostgreSqlConsoleDbContext>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

using Microsoft.AspNetCore.Routing;

namespace NotifyHub.BuildingBlocks.Modules;

/// <summary>
/// The one door of a module. A module registers its own services, database, consumers and
/// endpoints, and never asks which other modules are loaded: it behaves the same alone or together.
/// </summary>
public interface IModule
{
    /// <summary>Lower-case name used in <c>NotifyHub:Modules</c>, schemas, queues and file names.</summary>
    string Name { get; }

    void Register(ModuleBuilder module);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

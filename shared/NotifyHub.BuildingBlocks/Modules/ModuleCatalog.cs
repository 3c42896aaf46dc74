using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NotifyHub.BuildingBlocks.Configuration;

namespace NotifyHub.BuildingBlocks.Modules;

/// <summary>Picks the modules named in <c>NotifyHub:Modules</c> (default: all) and registers them.</summary>
public sealed class ModuleCatalog
{
    private readonly List<Action<IBusRegistrationConfigurator>> _consumers = [];

    public ModuleCatalog(IReadOnlyList<IModule> available, IConfiguration configuration)
    {
        var wanted = configuration.GetSection(NotifyHubOptions.Section + ":Modules").Get<string[]>() ?? [];
        var unknown = wanted.Where(w => available.All(m => !m.Name.Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unknown module(s) in NotifyHub:Modules: {string.Join(", ", unknown)}. " +
                $"Known modules: {string.Join(", ", available.Select(m => m.Name))}.");
        }

        Active = wanted.Length == 0
            ? available
            : available.Where(m => wanted.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public IReadOnlyList<IModule> Active { get; }

    internal IReadOnlyList<Action<IBusRegistrationConfigurator>> Consumers => _consumers;

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var module in Active)
        {
            module.Register(new ModuleBuilder(module, services, configuration, _consumers));
            services.AddHealthChecks().AddCheck(
                $"module:{module.Name}",
                () => HealthCheckResult.Healthy($"{module.Name} loaded"),
                tags: [HealthTags.Ready]);
        }
    }
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Modules;

/// <summary>What a module may register: services, its database, its bus consumers and health checks.</summary>
public sealed class ModuleBuilder
{
    private readonly List<Action<IBusRegistrationConfigurator>> _consumers;

    internal ModuleBuilder(IModule module, IServiceCollection services, IConfiguration configuration,
        List<Action<IBusRegistrationConfigurator>> consumers)
    {
        Module = module;
        Services = services;
        Configuration = configuration;
        _consumers = consumers;
    }

    public IModule Module { get; }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    /// <summary>
    /// Registers the module's DbContext with the configured provider. <typeparamref name="TSqlite"/> and
    /// <typeparamref name="TPostgreSql"/> are thin subclasses that own each provider's migrations.
    /// </summary>
    public ModuleBuilder AddDatabase<TContext, TSqlite, TPostgreSql>()
        where TContext : DbContext, IOutboxDbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        Services.AddModuleDbContext<TContext, TSqlite, TPostgreSql>(Configuration, Module.Name);
        Services.AddOutbox<TContext>();
        return this;
    }

    public ModuleBuilder AddConsumer<TConsumer>()
        where TConsumer : class, IConsumer
    {
        _consumers.Add(bus => bus.AddConsumer<TConsumer>());
        return this;
    }

    public ModuleBuilder AddConsumer<TConsumer, TDefinition>()
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        _consumers.Add(bus => bus.AddConsumer<TConsumer, TDefinition>());
        return this;
    }

    public ModuleBuilder AddHealthCheck<THealthCheck>(string name)
        where THealthCheck : class, IHealthCheck
    {
        Services.AddHealthChecks().AddCheck<THealthCheck>(name, tags: [HealthTags.Ready, Module.Name]);
        return this;
    }
}

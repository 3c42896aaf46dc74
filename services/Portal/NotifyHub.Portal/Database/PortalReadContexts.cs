using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.Portal.Database;

/// <summary>
/// Pooled portal contexts for the status check's reads. A context from the request scope builds EF Core's internal
/// services (query compiler, translators, connection) on first use, on every request: profiled at 200 concurrent
/// checks that was the largest single cost of the check. A pooled one keeps them and is only reset when returned.
/// Built from the options the module registered (same provider, connection and interceptors), so nothing else about
/// the database changes; only reads go through it (writes stay on the request's context and its outbox).
/// </summary>
public sealed class PortalReadContexts(IServiceProvider root)
{
    /// <summary>More than the connections a check can hold at once; a context beyond it is simply not kept.</summary>
    private const int PoolSize = 256;

    private readonly Lock _gate = new();
    private Func<PortalDbContext>? _create;

    /// <summary>A context for reads; dispose it to return it to the pool.</summary>
    public PortalDbContext Rent() => (_create ?? Build())();

    private Func<PortalDbContext> Build()
    {
        lock (_gate)
        {
            if (_create is null)
            {
                using var scope = root.CreateScope();
                // The registered context is the provider's subclass; its options are registered under that type.
                var type = scope.ServiceProvider.GetRequiredService<PortalDbContext>().GetType();
                var options = scope.ServiceProvider.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(type));
                _create = (Func<PortalDbContext>)typeof(PortalReadContexts).GetMethod(nameof(Pool), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [options, root])!;
            }

            return _create;
        }
    }

    private static Func<PortalDbContext> Pool<TContext>(DbContextOptions<TContext> options, IServiceProvider root)
        where TContext : PortalDbContext
    {
        // The registered options name the scope they were built in as the application's services; pooled contexts
        // outlive it, so they get the root provider instead (loggers, the outbox signal: all singletons).
        var pooled = new DbContextOptionsBuilder<TContext>(options).UseApplicationServiceProvider(root).Options;
        var factory = new PooledDbContextFactory<TContext>(pooled, PoolSize);
        return factory.CreateDbContext;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

/// <summary>
/// Refuses to start with a missing or wrong root key (one that cannot unwrap the stored keys): better no service
/// than one that fails on the first person it touches. Runs after the migrations.
/// </summary>
public sealed class RootKeyCheck(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KeyStore>().VerifyRootKeyAsync(cancellationToken);
        // The audit key exists before the first request needs it inside a transaction.
        await scope.ServiceProvider.GetRequiredService<AuditLog>().PrepareAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Degraded while a database holds parked outbox rows: the instance still serves (the rows behind flowed on), but
/// someone must read <c>LastError</c>, fix the cause and clear <c>ParkedAt</c> to publish the row again
/// (docs/operations.md, "Parked outbox rows").
/// </summary>
public sealed class ParkedOutboxCheck<TContext>(TContext db) : IHealthCheck
    where TContext : DbContext, IOutboxDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var parked = await db.OutboxMessages.CountAsync(m => m.ParkedAt != null, cancellationToken);
        return parked == 0
            ? HealthCheckResult.Healthy("no parked outbox rows")
            : HealthCheckResult.Degraded($"{parked} outbox row(s) parked; see their LastError",
                data: new Dictionary<string, object> { ["parked"] = parked });
    }
}

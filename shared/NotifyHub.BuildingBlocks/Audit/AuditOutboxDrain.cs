using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>The <see cref="IAuditOutboxDrain"/> of one module database; leaves its bus messages for the dispatcher.</summary>
public sealed class AuditOutboxDrain<TContext>(IServiceScopeFactory scopes) : IAuditOutboxDrain
    where TContext : DbContext, IOutboxDbContext
{
    private const int BatchSize = 200;

    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType == AuditOutbox.MessageType)
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return total;
            }

            // Appended first, deleted after: a crash in between leaves rows the appender's inbox will skip.
            await scope.ServiceProvider.GetRequiredService<AuditOutboxAppender>().AppendAsync(rows, cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            total += rows.Count;
        }
    }
}

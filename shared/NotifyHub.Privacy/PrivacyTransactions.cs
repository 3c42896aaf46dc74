using Microsoft.EntityFrameworkCore;

namespace NotifyHub.Privacy;

/// <summary>
/// Runs work in a transaction: the caller's if one is open (so a revocation and its audit
/// entry commit together), else a new one inside the provider's execution strategy, which
/// refuses user transactions outside it when retries on failure are enabled.
/// </summary>
internal static class PrivacyTransactions
{
    public static async Task<T> InTransactionAsync<T>(
        this PrivacyDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>A point in time the way every provider stores it exactly (PostgreSQL keeps microseconds).</summary>
    public static DateTimeOffset Now(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}

using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Testing;

/// <summary>The audit log as auditors read it, for tests that check what an action recorded.</summary>
public static class AuditTrail
{
    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, 0, AuditLog.MaxPageSize);
    }

    /// <summary>
    /// The entries of <paramref name="action"/> about <paramref name="subject"/>, once at least one is there: modules'
    /// entries reach the chain through their outbox, a moment after the action commits.
    /// </summary>
    public static async Task<IReadOnlyList<AuditEntry>> OfAsync(IServiceProvider services, string action, Guid subject)
    {
        IReadOnlyList<AuditEntry> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = [.. (await EntriesAsync(services)).Where(e => e.Action == action && e.SubjectId == subject)];
            return found.Count > 0;
        }, TimeSpan.FromSeconds(20), $"no {action} entry for {subject}");
        return found;
    }

    public static async Task<AuditVerification> VerifyAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
    }
}

using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Host;

/// <summary>
/// Runs a CLI verb as its operator: every entry it causes names the operating-system user and host
/// (<see cref="AuditOperator"/>); the modules' audit rows it left in their outboxes are appended before it exits (the
/// CLI runs no dispatcher); a verb that caused no entry (a check, a dry run, nothing due, a refusal) records itself.
/// So each run leaves at least one entry, and each privileged action in it exactly one.
/// </summary>
public static class CliAudit
{
    public static async Task<T> RunAsync<T>(IServiceProvider services, string verb, Func<Task<T>> work, Func<T, AuditEvent> summary,
        CancellationToken cancellationToken)
    {
        using var _ = AuditOperator.CommandLine(verb);
        T result;
        try
        {
            result = await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                var outcome = $"{AuditOutcomes.Failed}:{(e is CliException or FluentValidation.ValidationException ? "refused" : "error")}";
                await FinishAsync(services, new AuditEvent(PrivilegedActions.CliVerb(verb), outcome), CancellationToken.None);
            }
            catch (Exception auditFailure) when (auditFailure is not OperationCanceledException)
            {
                // The verb's own failure is what the operator must see; the store may be what failed.
            }

            throw;
        }

        await FinishAsync(services, summary(result), cancellationToken);
        return result;
    }

    private static async Task FinishAsync(IServiceProvider services, AuditEvent summary, CancellationToken cancellationToken)
    {
        foreach (var drain in services.GetServices<IAuditOutboxDrain>())
        {
            await drain.DrainAsync(cancellationToken);
        }

        if (AuditOperator.EntriesAttributed == 0)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(summary, cancellationToken);
        }
    }
}

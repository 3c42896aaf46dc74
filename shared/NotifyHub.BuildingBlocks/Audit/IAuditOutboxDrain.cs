namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// Appends one module database's pending audit rows to the chain now. The outbox dispatcher does it as part of its
/// batches; a CLI verb, which runs without the bus, calls this before it exits so its entries are in the chain at once.
/// </summary>
public interface IAuditOutboxDrain
{
    Task<int> DrainAsync(CancellationToken cancellationToken = default);
}

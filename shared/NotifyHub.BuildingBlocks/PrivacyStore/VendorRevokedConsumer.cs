using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.PrivacyStore;
using NotifyHub.Contracts.Console;
using NotifyHub.Privacy.Access;

namespace NotifyHub.Console.Vendors;

/// <summary>
/// Shreds a revoked vendor's key. The inbox row, the destroyed key versions and the audit entry commit in one
/// transaction of the privacy store, so a redelivery has no second effect and a crash leaves nothing half done.
/// </summary>
public sealed class VendorRevokedConsumer(PrivacyStoreDbContext db, VendorRevocation revocation)
    : IdempotentConsumer<VendorRevoked, PrivacyStoreDbContext>(db)
{
    protected override async Task HandleAsync(VendorRevoked message, ConsumeContext<VendorRevoked> context)
    {
        var actor = new PrivacyActor(Guid.TryParse(message.RevokedBy, out var userId) ? userId : Guid.Empty, [BuildingBlocks.Auth.Roles.Admin]);
        await revocation.RevokeAsync(message.VendorId, actor, context.CancellationToken);
    }
}

using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Console;
using NotifyHub.Privacy.Access;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

/// <summary>
/// Shreds a revoked vendor's key. The inbox row, the destroyed key versions and the audit entry commit in one
/// transaction of the privacy store, so a redelivery has no second effect and a crash leaves nothing half done.
/// It lives beside the store (not in the console module that registers it) because only the privacy library and its
/// store may touch the store's context.
/// </summary>
public sealed class VendorRevokedConsumer(PrivacyStoreDbContext db, VendorRevocation revocation)
    : IdempotentConsumer<VendorRevoked, PrivacyStoreDbContext>(db)
{
    protected override async Task HandleAsync(VendorRevoked message, ConsumeContext<VendorRevoked> context)
    {
        var actor = new PrivacyActor(Guid.TryParse(message.RevokedBy, out var userId) ? userId : Guid.Empty, [Auth.Roles.Admin]);
        await revocation.RevokeAsync(message.VendorId, actor, context.CancellationToken);
    }
}

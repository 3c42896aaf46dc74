using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Console;

namespace NotifyHub.CallCentre.Vendors;

/// <summary>Remembers each registered vendor, so an assignment can name only a real one.</summary>
public sealed class VendorRegisteredConsumer(CallCentreDbContext db) : IdempotentConsumer<VendorRegistered, CallCentreDbContext>(db)
{
    protected override async Task HandleAsync(VendorRegistered message, ConsumeContext<VendorRegistered> context)
    {
        if (await Db.Vendors.FindAsync([message.VendorId], context.CancellationToken) is null)
        {
            Db.Vendors.Add(new RegisteredVendor { Id = message.VendorId, RegisteredAt = message.RegisteredAt });
        }
    }
}

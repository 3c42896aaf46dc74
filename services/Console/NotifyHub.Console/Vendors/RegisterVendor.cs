using System.Text.Json.Serialization;
using Mediator;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Console.Database;
using NotifyHub.Contracts.Console;

namespace NotifyHub.Console.Vendors;

/// <summary>Registers a vendor whose agents and supervisors can then be given accounts.</summary>
public sealed record RegisterVendor(string Name) : ICommand<Guid>
{
    /// <summary>Who registers it; set from the caller's identity, never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class RegisterVendorHandler(ConsoleDbContext db, TimeProvider clock) : ICommandHandler<RegisterVendor, Guid>
{
    public async ValueTask<Guid> Handle(RegisterVendor command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var vendor = new Vendor { Id = Guid.CreateVersion7(now), Name = command.Name.Trim(), CreatedAt = now, CreatedBy = command.Actor };
        db.Vendors.Add(vendor);
        db.Publish(new VendorRegistered(vendor.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return vendor.Id;
    }
}

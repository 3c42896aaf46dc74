using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;
using NotifyHub.Contracts.Console;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Vendors;

/// <summary>Registers a vendor whose agents and supervisors can then be given accounts.</summary>
public sealed record RegisterVendor(string Name) : ICommand<Guid>
{
    /// <summary>Who registers it; set from the caller's identity, never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class RegisterVendorHandler(ConsoleDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<RegisterVendor, Guid>
{
    public async ValueTask<Guid> Handle(RegisterVendor command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = VendorName.Normalize(command.Name);

        // Few vendors exist, so comparing in memory is cheap and applies the same normalisation as the check.
        var key = VendorName.ComparisonKey(name);
        var existing = await db.Vendors.AsNoTracking().Select(v => v.Name).ToListAsync(cancellationToken);
        if (existing.Any(n => VendorName.ComparisonKey(n) == key))
        {
            throw ProblemException.Conflict("vendor_name_in_use", "A vendor with this name already exists.");
        }

        var vendor = new Vendor { Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now, CreatedBy = command.Actor };
        db.Vendors.Add(vendor);
        // Ids only: the vendor's name is free text and stays in the console's own table.
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.VendorRegistered, AuditOutcomes.Done) { SubjectId = vendor.Id }));
        db.Publish(new VendorRegistered(vendor.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return vendor.Id;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Notifications.PrintHouses;

public sealed record RevokePrintHouse(Guid PrintHouseId, string Actor) : ICommand<PrintHouseView>;

/// <summary>
/// Stops every further hand-over to the print house: the letter worker checks just before each hand-over, and batches
/// already claimed for it fail with <c>print_house_revoked</c> (audited) and fall back to the person's other channels.
/// </summary>
public sealed class RevokePrintHouseHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<RevokePrintHouse, PrintHouseView>
{
    public async ValueTask<PrintHouseView> Handle(RevokePrintHouse command, CancellationToken cancellationToken)
    {
        var house = await db.PrintHouses.FirstOrDefaultAsync(h => h.Id == command.PrintHouseId, cancellationToken)
            ?? throw ProblemException.NotFound("Print house", command.PrintHouseId);
        if (house.IsRevoked)
        {
            throw ProblemException.Conflict("print_house_revoked", "The print house is already revoked.");
        }

        house.RevokedAt = clock.GetUtcNow();
        house.RevokedBy = command.Actor;
        var pending = await db.Notifications.CountAsync(n => n.PrintHouseId == house.Id && n.Status == DeliveryStatus.Sending, cancellationToken);
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.PrintHouseRevoked, AuditOutcomes.Done)
        {
            SubjectId = house.Id,
            Details = new Dictionary<string, string>
            {
                ["key_fingerprint"] = house.KeyFingerprint,
                ["letters_stopped"] = pending.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }));
        await db.SaveChangesAsync(cancellationToken);
        return PrintHouseView.Of(house);
    }
}

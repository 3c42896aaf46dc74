using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Contracts.Portal;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Intake.Portal;

/// <summary>
/// Hands the portal what it needs for each committed batch (new or changed people): the blind indexes intake already
/// stored and a portal projection (language, data categories) sealed under the portal's holder key. Built from the
/// stored columns, so the person's record is never opened for this; the portal never sees a name or an address.
/// </summary>
public sealed class PortalPartiesConsumer(IntakeDbContext db, ProjectionBuilder projections)
    : IdempotentConsumer<AffectedPartiesImported, IntakeDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesImported message, ConsumeContext<AffectedPartiesImported> context)
    {
        if (message.PersonIds.Count == 0)
        {
            return;
        }

        var ct = context.CancellationToken;
        var ids = message.PersonIds.ToList();
        // Only the columns the portal gets: the encrypted record (the largest column) stays in the database.
        var people = await Db.AffectedParties.AsNoTracking()
            .Where(p => p.IncidentId == message.IncidentId && ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Language, p.DataCategories, p.ReferenceCodeIndex, p.DateOfBirthIndex, p.PostcodeIndex })
            .ToListAsync(ct);
        var parties = new List<PortalParty>(people.Count);
        foreach (var person in people)
        {
            var fields = new Dictionary<PersonalField, Sensitive<string>>
            {
                [PersonalField.Language] = Sensitive.Of(person.Language),
                [PersonalField.DataCategories] = Sensitive.Of(person.DataCategories),
            };
            var projection = await projections.BuildAsync(person.Id, Purpose.Portal, InternalHolders.Portal, fields, ct);
            parties.Add(new PortalParty(
                person.Id,
                PartyEncoder.Bytes(projection.Ciphertext),
                person.ReferenceCodeIndex.ToArray(),
                person.DateOfBirthIndex?.ToArray(),
                person.PostcodeIndex?.ToArray()));
        }

        if (parties.Count > 0)
        {
            Db.Publish(new PortalPartiesProjected(message.IncidentId, message.ImportId, parties));
        }
    }
}

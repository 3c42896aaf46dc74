using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Portal;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.People;

/// <summary>Stores (or refreshes) the people of one committed import batch; a redelivered batch changes nothing.</summary>
public sealed class PortalPartiesProjectedConsumer(PortalDbContext db, TimeProvider clock)
    : IdempotentConsumer<PortalPartiesProjected, PortalDbContext>(db)
{
    protected override async Task HandleAsync(PortalPartiesProjected message, ConsumeContext<PortalPartiesProjected> context)
    {
        var ids = message.Parties.Select(p => p.PersonId).ToList();
        var existing = await Db.People.Where(p => ids.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var party in message.Parties)
        {
            if (!existing.TryGetValue(party.PersonId, out var person))
            {
                person = new PortalPerson
                {
                    PersonId = party.PersonId, IncidentId = message.IncidentId,
                    Projection = party.Projection, ReferenceCodeIndex = party.ReferenceCodeIndex,
                };
                Db.People.Add(person);
                existing[party.PersonId] = person;
            }

            // An updated import re-seals language and categories; the person's own channel choices stay.
            person.Projection = party.Projection;
            person.ReferenceCodeIndex = party.ReferenceCodeIndex;
            person.DateOfBirthIndex = party.DateOfBirthIndex;
            person.PostcodeIndex = party.PostcodeIndex;
            person.ReceivedAt = now;
        }

        // On PostgreSQL the batch's new people go in by one COPY rather than an INSERT each; the base's SaveChanges
        // writes the refreshed ones.
        await AddedRowsCopy.InsertAsync<PortalPerson>(Db, context.CancellationToken);
    }
}

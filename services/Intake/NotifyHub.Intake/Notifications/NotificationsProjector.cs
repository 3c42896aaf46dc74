using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Intake.Notifications;

/// <summary>
/// Seals the notifications service's projections of stored people, when it asks for them: each record is opened with
/// the incident's data key, and only the purpose's allow-list (an email address, a phone number or a postal address,
/// with the name, language and reference code the message needs) is sealed again under the notifications holder's
/// key. Made from the record as stored now, so a later import's change or removal is always what is sent. A person
/// whose record can no longer be opened (its incident's key shredded) is left out, like one no longer stored.
/// </summary>
public sealed class NotificationsProjector(IntakeDbContext db, FieldCipher cipher, ProjectionBuilder projections)
{
    public async Task<List<SealedProjection>> SealAsync(Guid incidentId, IReadOnlyList<WantedProjection> wanted, CancellationToken ct)
    {
        var byPerson = wanted.Where(w => PurposeOf(w.Purpose) is not null).ToLookup(w => w.PersonId, w => PurposeOf(w.Purpose)!.Value);
        var ids = byPerson.Select(g => g.Key).ToList();
        var people = await db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incidentId && ids.Contains(p.Id)).ToListAsync(ct);
        var sealedProjections = new List<SealedProjection>(wanted.Count);
        foreach (var person in people)
        {
            IReadOnlyDictionary<string, Sensitive<string>> record;
            try
            {
                record = await cipher.DecryptRecordAsync(person.Record, person.Id, PartyEncoder.RecordName, ct);
            }
            catch (Exception e) when (e is FieldDecryptionException or KeyDestroyedException)
            {
                // Shredded (the incident purged) or unreadable: left out, as a person no longer stored would be.
                continue;
            }

            var party = PartyEncoder.FromRecord(record, person.Language, person.DataCategories.Split(';', StringSplitOptions.RemoveEmptyEntries));
            var fields = PartyEncoder.PersonalFields(party, record[PartyEncoder.ReferenceCodeField].Reveal());
            foreach (var purpose in byPerson[person.Id].Distinct().Where(purpose => PartyEncoder.HasChannel(party, purpose)))
            {
                var projection = await projections.BuildAsync(person.Id, purpose, InternalHolders.Notifications, fields, ct);
                sealedProjections.Add(new SealedProjection(person.Id, purpose.Code(), PartyEncoder.Bytes(projection.Ciphertext)));
            }
        }

        return sealedProjections;
    }

    /// <summary>The notifications purpose of a code; null for any other (the request asked for what it cannot have).</summary>
    private static Purpose? PurposeOf(string code) =>
        PartyEncoder.NotificationPurposes.Where(p => p.Code() == code).Cast<Purpose?>().FirstOrDefault();
}

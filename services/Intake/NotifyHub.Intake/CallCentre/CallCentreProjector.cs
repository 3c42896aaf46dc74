using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Intake.CallCentre;

/// <summary>
/// Builds the call-centre projections of stored people for one vendor: the record is opened with the incident's
/// data key, and only the call-centre allow-list (given name, language, data categories) is sealed again under the
/// vendor's key; the blind indexes already stored go along so the vendor's agents can check what callers say.
/// </summary>
public sealed class CallCentreProjector(IntakeDbContext db, FieldCipher cipher, ProjectionBuilder projections)
{
    private const string GivenName = "given_name";

    public async Task<List<CallCentreParty>> ProjectAsync(IReadOnlyList<AffectedParty> people, Guid vendorId, CancellationToken ct)
    {
        var parties = new List<CallCentreParty>(people.Count);
        foreach (var person in people)
        {
            var record = await cipher.DecryptRecordAsync(person.Record, person.Id, PartyEncoder.RecordName, ct);
            var fields = new Dictionary<PersonalField, Sensitive<string>>
            {
                [PersonalField.Language] = Sensitive.Of(person.Language),
                [PersonalField.DataCategories] = Sensitive.Of(person.DataCategories),
            };
            if (record.TryGetValue(GivenName, out var givenName))
            {
                fields[PersonalField.GivenName] = givenName;
            }

            var projection = await projections.BuildAsync(person.Id, Purpose.CallCentre, vendorId, fields, ct);
            parties.Add(new CallCentreParty(
                person.Id,
                PartyEncoder.Bytes(projection.Ciphertext),
                person.ReferenceCodeIndex.ToArray(),
                person.PhoneIndex?.ToArray(),
                person.DateOfBirthIndex?.ToArray(),
                person.PostcodeIndex?.ToArray()));
        }

        return parties;
    }

    public Task<List<AffectedParty>> PageAsync(Guid incidentId, Guid afterPersonId, int size, CancellationToken ct) =>
        db.AffectedParties.AsNoTracking()
            .Where(p => p.IncidentId == incidentId && p.Id.CompareTo(afterPersonId) > 0)
            .OrderBy(p => p.Id).Take(size).ToListAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// Finds the one person a caller's factors point to among the incidents the vendor works, comparing blind indexes
/// only (each incident has its own index key). The agent learns match or no match, never a value.
/// </summary>
public sealed class CallerMatcher(CallCentreDbContext db, BlindIndexer indexer)
{
    internal async Task<CallerMatch?> FindAsync(Guid vendorId, Guid? incidentId, CallerFactors factors, CancellationToken ct)
    {
        var incidents = await db.Assignments.AsNoTracking()
            .Where(a => a.VendorId == vendorId && AssignmentStatuses.Active.Contains(a.Status))
            .Where(a => incidentId == null || a.IncidentId == incidentId)
            .Select(a => a.IncidentId).Distinct().ToListAsync(ct);
        var matches = new List<CallerMatch>(1);
        foreach (var incident in incidents)
        {
            try
            {
                matches.AddRange(await MatchInAsync(vendorId, incident, factors, ct));
            }
            catch (KeyDestroyedException)
            {
                // The incident was shredded: nobody in it can be verified any more.
            }

            if (matches.Count > 1)
            {
                break;
            }
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<List<CallerMatch>> MatchInAsync(Guid vendorId, Guid incident, CallerFactors factors, CancellationToken ct)
    {
        var dob = await IndexAsync(incident, BlindIndexKind.DateOfBirth, factors.DateOfBirth, ct);
        var postcode = await IndexAsync(incident, BlindIndexKind.Postcode, factors.Postcode, ct);
        var phone = await IndexAsync(incident, BlindIndexKind.Phone, factors.Phone, ct);
        var candidates = db.CallerRecords.AsNoTracking().Where(r => r.VendorId == vendorId && r.IncidentId == incident);
        if (factors.ReferenceCode is not null)
        {
            var code = await IndexAsync(incident, BlindIndexKind.ReferenceCode, factors.ReferenceCode, ct);
            candidates = candidates.Where(r => r.ReferenceCodeIndex == code);
        }

        // Every factor given must match; one not given is not compared.
        if (phone is not null)
        {
            candidates = candidates.Where(r => r.PhoneIndex == phone);
        }

        if (dob is not null)
        {
            candidates = candidates.Where(r => r.DateOfBirthIndex == dob);
        }

        if (postcode is not null)
        {
            candidates = candidates.Where(r => r.PostcodeIndex == postcode);
        }

        // The person's open case comes with the match, in the same round trip. Two rows are enough to tell one match
        // from several; ordered so that the same question always reads the same rows.
        return await candidates.OrderBy(r => r.PersonId).ThenBy(r => r.IncidentId).Take(2)
            .Select(r => new CallerMatch(r.IncidentId, r.PersonId, db.Cases
                .Where(c => c.VendorId == vendorId && c.IncidentId == r.IncidentId && c.PersonId == r.PersonId && c.Status == CaseStatus.Open)
                .OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private async Task<byte[]?> IndexAsync(Guid incident, BlindIndexKind kind, string? value, CancellationToken ct) =>
        value is null ? null : (await indexer.ComputeAsync(incident, kind, value, ct)).ToArray();
}

/// <summary>The one person a caller's factors matched, and their open case with this vendor if there is one.</summary>
internal sealed record CallerMatch(Guid IncidentId, Guid PersonId, Guid? OpenCaseId);

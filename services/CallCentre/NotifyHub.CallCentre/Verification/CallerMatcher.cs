using Microsoft.EntityFrameworkCore;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Privacy;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// Finds the one person a caller's factors point to among the incidents the vendor works, comparing blind indexes
/// only (each incident has its own index key). The agent learns match or no match, never a value.
/// </summary>
public sealed class CallerMatcher(CallCentreDbContext db, BlindIndexer indexer)
{
    // Compiled once, like the case lookups: a verification is on every call's path. A factor not given is a null
    // parameter, and EF writes each combination of given factors as its own SQL, so no statement carries an
    // "or the parameter is null" test that would keep PostgreSQL off the indexes.
    private static readonly CompiledPerModel<Func<CallCentreDbContext, Guid, Guid?, IAsyncEnumerable<Guid>>> IncidentsQuery = new(() =>
        EF.CompileAsyncQuery((CallCentreDbContext store, Guid vendorId, Guid? incidentId) =>
            store.Assignments
                .Where(a => a.VendorId == vendorId && AssignmentStatuses.Active.Contains(a.Status))
                .Where(a => incidentId == null || a.IncidentId == incidentId)
                .Select(a => a.IncidentId).Distinct()));

    // No ORDER BY: two rows tell one match from several whichever two they are, and ordering by person made the
    // planner walk the primary key through the whole incident instead of probing the reference-code index. The open
    // case's status must reach the SQL as a literal: the partial unique index on open cases serves only a condition
    // that matches its filter (the test On_PostgreSql.A_verification_probes_the_indexes_... holds both).
    private static readonly CompiledPerModel<Func<CallCentreDbContext, Guid, Guid, byte[]?, byte[]?, byte[]?, byte[]?, IAsyncEnumerable<CallerMatch>>> MatchQuery = new(() =>
        EF.CompileAsyncQuery((CallCentreDbContext store, Guid vendorId, Guid incidentId, byte[]? code, byte[]? dob, byte[]? postcode, byte[]? phone) =>
            store.CallerRecords
                .Where(r => r.VendorId == vendorId && r.IncidentId == incidentId)
                .Where(r => code == null || r.ReferenceCodeIndex == code)
                .Where(r => dob == null || r.DateOfBirthIndex == dob)
                .Where(r => postcode == null || r.PostcodeIndex == postcode)
                .Where(r => phone == null || r.PhoneIndex == phone)
                .Take(2)
                .Select(r => new CallerMatch(r.IncidentId, r.PersonId, store.Cases
                    .Where(c => c.VendorId == vendorId && c.IncidentId == r.IncidentId && c.PersonId == r.PersonId)
                    .Where(c => c.Status == CaseStatus.Open)
                    .Select(c => (Guid?)c.Id).FirstOrDefault()))));

    internal async Task<CallerMatch?> FindAsync(Guid vendorId, Guid? incidentId, CallerFactors factors, CancellationToken ct)
    {
        var incidents = await IncidentsQuery.For(db)(db, vendorId, incidentId).ToListAsync(ct);
        var matches = new List<CallerMatch>(2);
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

    // Every factor given must match; one not given is not compared.
    private async Task<List<CallerMatch>> MatchInAsync(Guid vendorId, Guid incident, CallerFactors factors, CancellationToken ct) =>
        await MatchQuery.For(db)(db, vendorId, incident,
                await IndexAsync(incident, BlindIndexKind.ReferenceCode, factors.ReferenceCode, ct),
                await IndexAsync(incident, BlindIndexKind.DateOfBirth, factors.DateOfBirth, ct),
                await IndexAsync(incident, BlindIndexKind.Postcode, factors.Postcode, ct),
                await IndexAsync(incident, BlindIndexKind.Phone, factors.Phone, ct))
            .ToListAsync(ct);

    private async Task<byte[]?> IndexAsync(Guid incident, BlindIndexKind kind, string? value, CancellationToken ct) =>
        value is null ? null : (await indexer.ComputeAsync(incident, kind, value, ct)).ToArray();
}

/// <summary>The one person a caller's factors matched, and their open case with this vendor if there is one.</summary>
internal sealed record CallerMatch(Guid IncidentId, Guid PersonId, Guid? OpenCaseId);

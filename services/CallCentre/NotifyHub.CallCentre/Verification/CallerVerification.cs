using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy.Audit;
using Npgsql;
using System.Data.Common;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// Verifies a caller and opens (or returns) their case. There is no way to browse: the answer is a case id or a
/// bare "no", the same for an unknown code, a wrong factor or two people matching. Every attempt is recorded and
/// audited; too many failures block the agent.
/// </summary>
public sealed class CallerVerification(
    CallCentreDbContext db, CallerMatcher matcher, VerificationMeter meter, CallCentreAudit audit, TimeProvider clock)
{
    public async Task<VerificationResult> VerifyAsync(VerifyCaller request, CallCentreActor actor, CancellationToken ct)
    {
        var vendorId = actor.Vendor;
        var factors = CallerFactors.From(request);
        var details = new Dictionary<string, string> { ["factors"] = string.Join(',', factors.Names()) };
        if (await meter.IsBlockedAsync(actor.UserId, ct))
        {
            audit.Record(CallCentreAudit.Verify, AuditOutcomes.Blocked, actor, null, request.IncidentId, details);
            await db.SaveInOneBatchAsync(ct);
            throw Problems.Blocked();
        }

        try
        {
            return await MatchAndOpenAsync(request, actor, factors, details, ct);
        }
        catch (DbUpdateException e) when (IsSecondOpenCase(e))
        {
            // Another agent opened this person's case between our lookup and our insert (the unique index on open
            // cases refused ours). Nothing of this attempt was saved: look again, and the case they opened is found.
            db.ChangeTracker.Clear();
            return await MatchAndOpenAsync(request, actor, factors, details, ct);
        }
    }

    private async Task<VerificationResult> MatchAndOpenAsync(VerifyCaller request, CallCentreActor actor, CallerFactors factors,
        Dictionary<string, string> details, CancellationToken ct)
    {
        var vendorId = actor.Vendor;
        var match = await matcher.FindAsync(vendorId, request.IncidentId, factors, ct);
        var now = clock.GetUtcNow();
        db.VerificationAttempts.Add(new VerificationAttempt
        {
            Id = Guid.CreateVersion7(now), AgentId = actor.UserId, VendorId = vendorId, Verified = match is not null, At = now,
        });
        if (match is null)
        {
            audit.Record(CallCentreAudit.Verify, AuditOutcomes.Failed, actor, null, request.IncidentId, details);
            await db.SaveInOneBatchAsync(ct);
            await meter.CountFailureAsync(actor.UserId, vendorId, request.IncidentId, ct);
            return VerificationResult.NoMatch;
        }

        var caseId = match.OpenCaseId;
        if (caseId is null)
        {
            var opened = new Case
            {
                Id = Guid.CreateVersion7(now), IncidentId = match.IncidentId, VendorId = vendorId, PersonId = match.PersonId,
                OpenedBy = actor.UserId, OpenedAt = now,
            };
            db.Cases.Add(opened);
            db.Publish(new CaseOpened(opened.Id, opened.IncidentId, vendorId, actor.UserId, now));
            caseId = opened.Id;
        }

        audit.Record(CallCentreAudit.Verify, AuditOutcomes.Granted, actor, caseId, match.IncidentId, details);
        await db.SaveInOneBatchAsync(ct);
        return new VerificationResult(true, caseId.Value);
    }

    /// <summary>The insert of a second open case for one person and vendor, refused by <c>IX_cases_one_open_per_person</c>.</summary>
    private static bool IsSecondOpenCase(DbUpdateException e) => e.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == Case.OneOpenPerPerson,
        DbException other => other.Message.Contains("UNIQUE constraint failed: cases.", StringComparison.Ordinal),
        _ => false,
    };
}

using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Regulator;
using NotifyHub.Privacy.Audit;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Filings;

/// <summary>The body of <c>POST /api/v1/obligations/{id}/filings</c>.</summary>
public sealed record FileReportRequest(DateTimeOffset? FiledAt, string? Reference);

/// <summary>Records that an obligation was met, announces <see cref="ReportFiled"/> and recomputes (a filing starts later clocks).</summary>
public sealed class FileReport(RegulatorDbContext db, ObligationsRecompute recompute, AuditLog audit, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid obligationId, FileReportRequest request, Guid? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        if (request.FiledAt is not { } filedAt)
        {
            throw ProblemException.Invalid("filed_at_required", "'filedAt' is required: it is the evidence the deadline was met.");
        }

        if (filedAt > now.AddMinutes(5))
        {
            throw ProblemException.Invalid("filed_in_future", "'filedAt' cannot be in the future: record a filing once it is made.");
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 200)
        {
            throw ProblemException.Invalid("invalid_reference", "'reference' is required (at most 200 characters): the authority's case number or receipt.");
        }

        var row = await db.Obligations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == obligationId, ct)
            ?? throw ProblemException.NotFound("Obligation", obligationId);
        if (await db.Filings.AnyAsync(f => f.ObligationId == obligationId, ct))
        {
            throw ProblemException.Conflict("already_filed", "This obligation already has a filing.");
        }

        var filing = new Filing
        {
            Id = Guid.CreateVersion7(now),
            ObligationId = obligationId,
            IncidentId = row.IncidentId,
            Jurisdiction = row.Jurisdiction,
            Kind = row.Kind,
            FiledAt = filedAt.ToUniversalTime(),
            Reference = request.Reference.Trim(),
            FiledBy = actor?.ToString() ?? "unknown",
            RecordedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Filings.Add(filing);
            db.Publish(new ReportFiled(row.IncidentId, obligationId, row.Jurisdiction, row.Kind, filing.FiledAt));
            await db.SaveChangesAsync(ct);
            await recompute.RecomputeAsync(db, row.IncidentId, ct);
            await transaction.CommitAsync(ct);
        }

        await audit.AppendAsync(new AuditEvent(RegulatorAuditActions.ReportFiled, AuditOutcomes.Done)
        {
            ActorUserId = actor,
            SubjectId = row.IncidentId,
            Details = new Dictionary<string, string> { ["obligation"] = obligationId.ToString(), ["filing"] = filing.Id.ToString(), ["kind"] = row.Kind },
        }, ct);
        return filing.Id;
    }
}

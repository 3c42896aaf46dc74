using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Privacy.Audit;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Assessments;

/// <summary>The body of <c>POST /api/v1/incidents/{id}/assessments</c>; every member is checked with its own error code.</summary>
public sealed record RecordAssessmentRequest(string? Jurisdiction, string? Harm, string? Rationale, DateTimeOffset? CompletedAt);

/// <summary>
/// Records a privacy officer's risk assessment for one jurisdiction the incident touches, then recomputes: an
/// assessment decides "harm likely" obligations and starts the clocks that run from its completion (Singapore).
/// </summary>
public sealed class RecordAssessment(RegulatorDbContext db, ObligationEngine engine, ObligationsRecompute recompute, AuditLog audit,
    TimeProvider clock)
{
    public async Task<Guid> HandleAsync(Guid incidentId, RecordAssessmentRequest request, Guid? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        if (request.Harm is not ("likely" or "unlikely"))
        {
            throw ProblemException.Invalid("invalid_harm", "'harm' must be \"likely\" or \"unlikely\".");
        }

        if (string.IsNullOrWhiteSpace(request.Rationale) || request.Rationale.Length > 4000)
        {
            throw ProblemException.Invalid("invalid_rationale", "'rationale' is required (at most 4,000 characters): it is the record a regulator may ask for.");
        }

        if (request.CompletedAt is not { } completedAt)
        {
            throw ProblemException.Invalid("completed_at_required", "'completedAt' is required: some deadlines run from the assessment's completion.");
        }

        if (completedAt > now.AddMinutes(5))
        {
            throw ProblemException.Invalid("completed_in_future", "'completedAt' cannot be in the future.");
        }

        var facts = await FactsReader.ReadAsync(db, incidentId, ct) ?? throw ProblemException.NotFound("Incident", incidentId);
        var touched = engine.Compute(facts, now).Select(o => o.Jurisdiction).Distinct().ToList();
        var jurisdiction = Resolve(request.Jurisdiction, touched)
            ?? throw new ProblemException(ProblemKind.RuleBroken, "jurisdiction_not_touched", "Jurisdiction not touched",
                $"The incident has no obligations in '{request.Jurisdiction}'. Use one of: {string.Join(", ", touched)}.");

        var assessment = new RiskAssessment
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            Jurisdiction = jurisdiction,
            Harm = request.Harm,
            Rationale = request.Rationale.Trim(),
            CompletedAt = completedAt.ToUniversalTime(),
            RecordedBy = actor?.ToString() ?? "unknown",
            RecordedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.RiskAssessments.Add(assessment);
            await db.SaveChangesAsync(ct);
            await recompute.RecomputeAsync(db, incidentId, ct);
            await transaction.CommitAsync(ct);
        }

        await audit.AppendAsync(new AuditEvent(RegulatorAuditActions.AssessmentRecorded, AuditOutcomes.Done)
        {
            ActorUserId = actor,
            SubjectId = incidentId,
            Details = new Dictionary<string, string> { ["assessment"] = assessment.Id.ToString(), ["jurisdiction"] = jurisdiction, ["harm"] = request.Harm },
        }, ct);
        return assessment.Id;
    }

    /// <summary>An obligation jurisdiction as given, or a member state's country code for its GDPR authority (FR → EU-FR).</summary>
    private static string? Resolve(string? given, IReadOnlyList<string> touched)
    {
        var code = given?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return touched.FirstOrDefault(t => t == code) ?? touched.FirstOrDefault(t => t == $"EU-{code}");
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Audit;
using System.Globalization;
using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Proofs;

/// <summary>
/// Approves the proof of one language of a letter template version. <see cref="Version"/>, when given, must be the
/// template's: an officer who read version 1's proof cannot approve version 2 by mistake. Approving twice is harmless
/// (the first approval stands; one audit entry).
/// </summary>
public sealed record ApproveLetterProof(string? Language, int? Version) : ICommand<ProofApprovalView>
{
    [JsonIgnore]
    public Guid TemplateId { get; init; }

    /// <summary>Who approves; set from the caller's identity, never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed record ProofApprovalView(Guid TemplateId, int Version, string Language, string ApprovedBy, DateTimeOffset ApprovedAt)
{
    /// <summary>False when the proof had been approved already.</summary>
    [JsonIgnore]
    public bool IsNew { get; init; }

    public static ProofApprovalView Of(ProofApproval a, bool isNew) => new(a.TemplateId, a.TemplateVersion, a.Language, a.ApprovedBy, a.ApprovedAt)
    {
        IsNew = isNew,
    };
}

public sealed class ApproveLetterProofHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<ApproveLetterProof, ProofApprovalView>
{
    /// <summary>The audit action: who approved which template version's proof, in which language.</summary>
    public const string ApprovedAction = "template.proof_approve";

    public async ValueTask<ProofApprovalView> Handle(ApproveLetterProof command, CancellationToken cancellationToken)
    {
        var template = await LetterVariants.FindLetterAsync(db, command.TemplateId, cancellationToken);
        if (string.IsNullOrWhiteSpace(command.Language))
        {
            throw ProblemException.Invalid("language_required", "Name the language whose proof you approve.", "language");
        }

        var language = LetterVariants.Variant(template, command.Language).Language;
        if (command.Version is { } version && version != template.Version)
        {
            throw ProblemException.Conflict("proof_version_mismatch",
                $"This is version {template.Version} of '{template.Name}', not version {version}: download its proof and approve that.");
        }

        if (await FindAsync(template.Id, language, cancellationToken) is { } existing)
        {
            return ProofApprovalView.Of(existing, isNew: false);
        }

        var approval = new ProofApproval
        {
            TemplateId = template.Id,
            Language = language,
            TemplateVersion = template.Version,
            ApprovedBy = command.Actor,
            ApprovedAt = clock.GetUtcNow(),
        };
        db.ProofApprovals.Add(approval);
        db.Audit(actor.Stamp(new AuditEvent(ApprovedAction, AuditOutcomes.Done)
        {
            SubjectId = template.Id,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = template.IncidentId.ToString(),
                ["template_name"] = template.Name,
                ["version"] = template.Version.ToString(CultureInfo.InvariantCulture),
                ["language"] = language,
            },
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ProofApprovalView.Of(approval, isNew: true);
        }
        catch (DbUpdateException)
        {
            // Approved at the same moment in another tab or by a colleague: theirs stands, with its audit entry.
            db.ChangeTracker.Clear();
            return ProofApprovalView.Of(await FindAsync(template.Id, language, cancellationToken)
                ?? throw new InvalidOperationException("The proof approval could not be saved."), isNew: false);
        }
    }

    private Task<ProofApproval?> FindAsync(Guid templateId, string language, CancellationToken ct) =>
        db.ProofApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.TemplateId == templateId && a.Language == language, ct);
}

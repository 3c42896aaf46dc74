using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.CallCentre.Cases;

/// <summary>Work on an open case: notes (under the vendor's key), resends, escalations (under the incident's key), closing.</summary>
public sealed class CaseActions(CallCentreDbContext db, CaseReader cases, FieldCipher cipher, CallCentreAudit audit, TimeProvider clock)
{
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 1000;

    public static readonly string[] Channels = ["email", "sms", "letter"];

    public static readonly string[] Outcomes = ["resolved", "callback_scheduled", "escalated", "resent", "caller_hung_up", "other"];

    public async Task<Guid> AddNoteAsync(Guid caseId, AddNote request, CallCentreActor actor, CancellationToken ct)
    {
        var text = FreeText.Check(request?.Text, "note", MaxNoteLength);
        var item = await OpenCaseAsync(caseId, actor, ct);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var sealedText = await cipher.EncryptAsync(item.VendorId, KeyKind.Vendor, id, CaseNote.FieldName, Sensitive.Of(text), ct);
        db.Notes.Add(new CaseNote { Id = id, CaseId = caseId, IncidentId = item.IncidentId, VendorId = item.VendorId, Text = sealedText, AuthorId = actor.UserId, CreatedAt = now });
        audit.Record(CallCentreAudit.NoteAdd, AuditOutcomes.Done, actor, caseId, item.IncidentId);
        await db.SaveInOneBatchAsync(ct);
        return id;
    }

    public async Task ResendAsync(Guid caseId, RequestResend request, CallCentreActor actor, CancellationToken ct)
    {
        var channel = request?.Channel?.Trim().ToLowerInvariant();
        if (channel is null || !Channels.Contains(channel))
        {
            throw Problems.Invalid("invalid_channel", "channel must be email, sms or letter.");
        }

        var item = await OpenCaseAsync(caseId, actor, ct);
        db.Publish(new ResendRequested(caseId, item.IncidentId, item.PersonId, channel, actor.UserId, clock.GetUtcNow()));
        audit.Record(CallCentreAudit.Resend, AuditOutcomes.Done, actor, caseId, item.IncidentId,
            new Dictionary<string, string> { ["channel"] = channel });
        await db.SaveInOneBatchAsync(ct);
    }

    public async Task<Guid> EscalateAsync(Guid caseId, EscalateCase request, CallCentreActor actor, CancellationToken ct)
    {
        var reason = FreeText.Check(request?.Reason, "reason", MaxReasonLength);
        var item = await OpenCaseAsync(caseId, actor, ct);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var sealedReason = await cipher.EncryptAsync(item.IncidentId, KeyKind.IncidentData, id, Escalation.ReasonField, Sensitive.Of(reason), ct);
        db.Escalations.Add(new Escalation
        {
            Id = id, CaseId = caseId, IncidentId = item.IncidentId, VendorId = item.VendorId, AgentId = actor.UserId,
            Reason = sealedReason, EscalatedAt = now,
        });
        db.Publish(new CaseEscalated(id, caseId, item.IncidentId, item.VendorId, actor.UserId, now));
        audit.Record(CallCentreAudit.Escalate, AuditOutcomes.Done, actor, caseId, item.IncidentId);
        await db.SaveInOneBatchAsync(ct);
        return id;
    }

    public async Task<CloseResult> CloseAsync(Guid caseId, CloseCase request, CallCentreActor actor, CancellationToken ct)
    {
        var outcome = request?.Outcome?.Trim().ToLowerInvariant();
        if (outcome is null || !Outcomes.Contains(outcome))
        {
            throw Problems.Invalid("invalid_outcome", $"outcome must be one of: {string.Join(", ", Outcomes)}.");
        }

        var item = await OpenCaseAsync(caseId, actor, ct);
        var now = clock.GetUtcNow();
        item.Status = CaseStatus.Closed;
        item.Outcome = outcome;
        item.ClosedAt = now;
        item.ClosedBy = actor.UserId;
        audit.Record(CallCentreAudit.Close, AuditOutcomes.Done, actor, caseId, item.IncidentId,
            new Dictionary<string, string> { ["outcome"] = outcome });
        await db.SaveInOneBatchAsync(ct);
        return new CloseResult(caseId, item.Status.ToCode(), outcome, now);
    }

    private async Task<Case> OpenCaseAsync(Guid caseId, CallCentreActor actor, CancellationToken ct)
    {
        var item = await cases.FindAsync(caseId, actor, ct);
        return item.Status == CaseStatus.Open ? item : throw Problems.CaseClosed(caseId);
    }
}

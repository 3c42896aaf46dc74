using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.CallCentre.Callbacks;

/// <summary>Callbacks a vendor's agents promised: scheduled on an open case, listed as due, overdue or done.</summary>
public sealed class CallbackBook(CallCentreDbContext db, CaseReader cases, FieldCipher cipher, CallCentreAudit audit, TimeProvider clock)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    public async Task<CallbackCreated> ScheduleAsync(Guid caseId, ScheduleCallback request, CallCentreActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (request?.DueAt is not { } dueAt)
        {
            throw Problems.Invalid("due_at_required", "dueAt is required (an ISO 8601 time with an offset).");
        }

        if (dueAt <= now)
        {
            throw Problems.Invalid("callback_in_past", "dueAt is in the past; a callback must be scheduled ahead.");
        }

        if (dueAt > now + Horizon)
        {
            throw Problems.Invalid("callback_too_far", $"dueAt is more than {Horizon.TotalDays} days ahead.");
        }

        var reason = FreeText.Check(request.Reason, "reason", CaseActions.MaxReasonLength);
        var item = await cases.FindAsync(caseId, actor, ct);
        if (item.Status != CaseStatus.Open)
        {
            throw Problems.CaseClosed(caseId);
        }

        var id = Guid.CreateVersion7(now);
        var code = CallbackCodes.New();
        var hash = CallbackCodes.Hash(code);
        db.Callbacks.Add(new Callback
        {
            Id = id, CaseId = caseId, IncidentId = item.IncidentId, VendorId = item.VendorId, DueAt = dueAt,
            Reason = await cipher.EncryptAsync(item.VendorId, KeyKind.Vendor, id, Callback.ReasonField, Sensitive.Of(reason), ct),
            Code = await cipher.EncryptAsync(item.VendorId, KeyKind.Vendor, id, Callback.CodeField, Sensitive.Of(code), ct),
            CodeHash = hash, CreatedBy = actor.UserId, CreatedAt = now,
        });
        db.Publish(new CallbackRequested(id, caseId, item.IncidentId, item.VendorId, dueAt, hash));
        audit.Record(CallCentreAudit.CallbackAdd, AuditOutcomes.Done, actor, caseId, item.IncidentId);
        await db.SaveChangesAsync(ct);
        return new CallbackCreated(id, code);
    }

    public async Task<IReadOnlyList<CallbackListItem>> ListAsync(string? status, CallCentreActor actor, CancellationToken ct)
    {
        var vendor = actor.Vendor;
        var now = clock.GetUtcNow();
        var query = db.Callbacks.AsNoTracking().Where(c => c.VendorId == vendor);
        query = (status ?? "due") switch
        {
            "due" => query.Where(c => c.Status == CallbackStatus.Pending && c.DueAt >= now),
            "overdue" => query.Where(c => c.Status == CallbackStatus.Pending && c.DueAt < now),
            "done" => query.Where(c => c.Status == CallbackStatus.Done),
            _ => throw Problems.Invalid("invalid_status", "status must be due, overdue or done."),
        };
        return (await query.OrderBy(c => c.DueAt).Take(500).ToListAsync(ct))
            .Select(c => new CallbackListItem(c.Id, c.CaseId, c.IncidentId, c.DueAt, c.Status.ToCode(), c.Status == CallbackStatus.Pending && c.DueAt < now))
            .ToList();
    }

    public async Task DoneAsync(Guid id, CallCentreActor actor, CancellationToken ct)
    {
        var vendor = actor.Vendor;
        var callback = await db.Callbacks.FirstOrDefaultAsync(c => c.Id == id && c.VendorId == vendor, ct)
            ?? throw ProblemException.NotFound("Callback", id);
        if (callback.Status == CallbackStatus.Done)
        {
            return;
        }

        callback.Status = CallbackStatus.Done;
        callback.DoneAt = clock.GetUtcNow();
        audit.Record(CallCentreAudit.CallbackDone, AuditOutcomes.Done, actor, callback.CaseId, callback.IncidentId);
        await db.SaveChangesAsync(ct);
    }
}

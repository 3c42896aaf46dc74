using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Contracts.Portal;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.CallCentre.Callbacks;

/// <summary>
/// A person asked on the portal to be called back: each vendor assigned to the incident that holds the person gets a
/// callback on the person's open case (opened for it when there is none), with a one-time code the agent reads out
/// and the person can check on the portal. No vendor assigned: nothing to queue, the request is dropped.
/// </summary>
public sealed class PortalCallbackRequestedConsumer(CallCentreDbContext db, FieldCipher cipher, TimeProvider clock)
    : IdempotentConsumer<PortalCallbackRequested, CallCentreDbContext>(db)
{
    protected override async Task HandleAsync(PortalCallbackRequested message, ConsumeContext<PortalCallbackRequested> context)
    {
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var vendors = await Db.CallerRecords.AsNoTracking()
            .Where(r => r.IncidentId == message.IncidentId && r.PersonId == message.PersonId)
            .Join(Db.Assignments.Where(a => a.IncidentId == message.IncidentId && AssignmentStatuses.Active.Contains(a.Status)),
                r => r.VendorId, a => a.VendorId, (r, a) => r.VendorId)
            .Distinct().ToListAsync(ct);
        foreach (var vendor in vendors)
        {
            var open = await Db.Cases.FirstOrDefaultAsync(c =>
                c.VendorId == vendor && c.IncidentId == message.IncidentId && c.PersonId == message.PersonId && c.Status == CaseStatus.Open, ct);
            if (open is null)
            {
                // Opened by the person themselves (no agent yet): the empty id stands for "the portal".
                open = new Case
                {
                    Id = Guid.CreateVersion7(now), IncidentId = message.IncidentId, VendorId = vendor, PersonId = message.PersonId,
                    OpenedBy = Guid.Empty, OpenedAt = now,
                };
                Db.Cases.Add(open);
                Db.Publish(new CaseOpened(open.Id, open.IncidentId, vendor, Guid.Empty, now));
            }

            var id = Guid.CreateVersion7(now);
            var code = CallbackCodes.New();
            var hash = CallbackCodes.Hash(code);
            var reason = $"Requested on the portal; language {message.Language}.";
            var dueAt = message.PreferredAt > now ? message.PreferredAt : now.AddMinutes(5);
            Db.Callbacks.Add(new Callback
            {
                Id = id, CaseId = open.Id, IncidentId = message.IncidentId, VendorId = vendor, DueAt = dueAt,
                Reason = await cipher.EncryptAsync(vendor, KeyKind.Vendor, id, Callback.ReasonField, Sensitive.Of(reason), ct),
                Code = await cipher.EncryptAsync(vendor, KeyKind.Vendor, id, Callback.CodeField, Sensitive.Of(code), ct),
                CodeHash = hash, CreatedBy = Guid.Empty, CreatedAt = now,
            });
            Db.Publish(new CallbackRequested(id, open.Id, message.IncidentId, vendor, dueAt, hash));
        }
    }
}

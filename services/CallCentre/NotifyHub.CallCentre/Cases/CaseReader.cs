using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.CallCentre.Cases;

/// <summary>
/// Opens one case: the person's projection through the key service (one metered, audited read under the vendor's
/// key), then the notes and callback codes under the same key. Another vendor's case is not found.
/// </summary>
public sealed class CaseReader(CallCentreDbContext db, KeyService keys, FieldCipher cipher, ScriptLibrary scripts, TimeProvider clock)
{
    /// <summary>The case of the actor's vendor, or 404 whether it does not exist or belongs to another vendor.</summary>
    public async Task<Case> FindAsync(Guid id, CallCentreActor actor, CancellationToken ct) =>
        await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.VendorId == actor.Vendor, ct) ?? throw Problems.CaseNotFound(id);

    public async Task<CaseView> ReadAsync(Guid id, CallCentreActor actor, CancellationToken ct)
    {
        var item = await FindAsync(id, actor, ct);
        var record = await db.CallerRecords.AsNoTracking().FirstOrDefaultAsync(r =>
            r.VendorId == item.VendorId && r.IncidentId == item.IncidentId && r.PersonId == item.PersonId, ct)
            ?? throw Problems.CaseNotFound(id); // unassigned or revoked: the projection is gone
        DecryptedProjection person;
        try
        {
            person = await keys.DecryptAsync(new AccessRequest(actor.UserId, actor.Roles, actor.VendorId, item.IncidentId,
                item.PersonId, Purpose.CallCentre, EncryptedField.FromBytes(record.Projection)), ct);
        }
        catch (AccessBlockedException)
        {
            throw Problems.Blocked();
        }
        catch (Exception e) when (e is AccessDeniedException or KeyDestroyedException)
        {
            throw Problems.CaseNotFound(id);
        }

        var now = clock.GetUtcNow();
        db.CaseReads.Add(new CaseRead { Id = Guid.CreateVersion7(now), AgentId = actor.UserId, VendorId = item.VendorId, CaseId = id, IncidentId = item.IncidentId, At = now });
        await db.SaveChangesAsync(ct);

        var language = person[PersonalField.Language]?.Reveal();
        var categories = person[PersonalField.DataCategories]?.Reveal().Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var notifications = (await db.PersonNotifications.AsNoTracking()
                .Where(n => n.IncidentId == item.IncidentId && n.PersonId == item.PersonId).ToListAsync(ct))
            .OrderBy(n => n.SentAt).Select(n => new CaseNotificationView(n.Channel, n.Status, n.At)).ToList();
        var notes = new List<CaseNoteView>();
        foreach (var note in (await db.Notes.AsNoTracking().Where(n => n.CaseId == id).ToListAsync(ct)).OrderBy(n => n.CreatedAt))
        {
            var text = await cipher.DecryptAsync(note.Text, note.Id, CaseNote.FieldName, ct);
            notes.Add(new CaseNoteView(note.Id, text.Reveal(), note.AuthorId, note.CreatedAt));
        }

        var callbacks = new List<CaseCallbackView>();
        foreach (var callback in (await db.Callbacks.AsNoTracking().Where(c => c.CaseId == id).ToListAsync(ct)).OrderBy(c => c.DueAt))
        {
            var reason = await cipher.DecryptAsync(callback.Reason, callback.Id, Callbacks.Callback.ReasonField, ct);
            var code = await cipher.DecryptAsync(callback.Code, callback.Id, Callbacks.Callback.CodeField, ct);
            callbacks.Add(new CaseCallbackView(callback.Id, callback.DueAt, callback.Status.ToCode(), reason.Reveal(), code.Reveal()));
        }

        return new CaseView(item.Id, item.IncidentId, item.Status.ToCode(), item.Outcome, item.OpenedAt,
            new CasePerson(person[PersonalField.GivenName]?.Reveal(), language, categories),
            notifications, callbacks, notes, await scripts.CurrentAsync(item.IncidentId, language, ct));
    }
}

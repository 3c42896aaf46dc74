using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.CallCentre.Cases;

/// <summary>
/// Opens one case: the person's projection through the key service (one metered, audited read under the vendor's
/// key), then the notes and callback codes under the same key. Another vendor's case is not found.
/// </summary>
public sealed class CaseReader(CallCentreDbContext db, KeyService keys, FieldCipher cipher, ScriptLibrary scripts)
{
    // Both compiled once: every step of a call looks a case up, and translating the LINQ again at each request cost
    // more of the call centre's CPU than PostgreSQL spent running these statements (issue 13's profile).
    private static readonly CompiledPerModel<Func<CallCentreDbContext, Guid, Guid, CancellationToken, Task<Case?>>> CaseQuery = new(() =>
        EF.CompileAsyncQuery((CallCentreDbContext store, Guid id, Guid vendorId, CancellationToken _) =>
            store.Cases.FirstOrDefault(c => c.Id == id && c.VendorId == vendorId)));

    // One round trip for everything the read needs before the key service: the case, its projection, whether it has
    // notes, callbacks or notifications to list, and the incident's default script language (null: no script).
    private static readonly CompiledPerModel<Func<CallCentreDbContext, Guid, Guid, CancellationToken, Task<CaseLookup?>>> LookupQuery = new(() =>
        EF.CompileAsyncQuery((CallCentreDbContext store, Guid id, Guid vendorId, CancellationToken _) =>
            store.Cases.AsNoTracking().Where(c => c.Id == id && c.VendorId == vendorId)
                .Select(c => new CaseLookup(
                    c,
                    store.CallerRecords
                        .Where(r => r.VendorId == c.VendorId && r.IncidentId == c.IncidentId && r.PersonId == c.PersonId)
                        .Select(r => r.Projection).FirstOrDefault(),
                    store.Notes.Any(n => n.CaseId == c.Id),
                    store.Callbacks.Any(b => b.CaseId == c.Id),
                    store.PersonNotifications.Any(n => n.IncidentId == c.IncidentId && n.PersonId == c.PersonId),
                    store.Incidents.Where(i => i.Id == c.IncidentId).Select(i => i.DefaultLanguage).FirstOrDefault()))
                .FirstOrDefault()));

    /// <summary>The case of the actor's vendor, or 404 whether it does not exist or belongs to another vendor.</summary>
    public async Task<Case> FindAsync(Guid id, CallCentreActor actor, CancellationToken ct) =>
        await CaseQuery.For(db)(db, id, actor.Vendor, ct) ?? throw Problems.CaseNotFound(id);

    public async Task<CaseView> ReadAsync(Guid id, CallCentreActor actor, CancellationToken ct)
    {
        var found = await LookupQuery.For(db)(db, id, actor.Vendor, ct) ?? throw Problems.CaseNotFound(id);
        var item = found.Case;
        var projection = found.Projection ?? throw Problems.CaseNotFound(id); // unassigned or revoked: the projection is gone
        DecryptedProjection person;
        try
        {
            person = await keys.DecryptAsync(new AccessRequest(actor.UserId, actor.Roles, actor.VendorId, item.IncidentId,
                item.PersonId, Purpose.CallCentre, EncryptedField.FromBytes(projection)), ct);
        }
        catch (AccessBlockedException)
        {
            throw Problems.Blocked();
        }
        catch (Exception e) when (e is AccessDeniedException or KeyDestroyedException)
        {
            throw Problems.CaseNotFound(id);
        }

        var language = person[PersonalField.Language]?.Reveal();
        var categories = person[PersonalField.DataCategories]?.Reveal().Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var notifications = !found.HasNotifications ? [] : (await db.PersonNotifications.AsNoTracking()
                .Where(n => n.IncidentId == item.IncidentId && n.PersonId == item.PersonId).ToListAsync(ct))
            .OrderBy(n => n.SentAt).Select(n => new CaseNotificationView(n.Channel, n.Status, n.At)).ToList();
        var notes = new List<CaseNoteView>();
        var noteRows = found.HasNotes ? await db.Notes.AsNoTracking().Where(n => n.CaseId == id).ToListAsync(ct) : [];
        foreach (var note in noteRows.OrderBy(n => n.CreatedAt))
        {
            var text = await cipher.DecryptAsync(note.Text, note.Id, CaseNote.FieldName, ct);
            notes.Add(new CaseNoteView(note.Id, text.Reveal(), note.AuthorId, note.CreatedAt));
        }

        var callbacks = new List<CaseCallbackView>();
        var callbackRows = found.HasCallbacks ? await db.Callbacks.AsNoTracking().Where(c => c.CaseId == id).ToListAsync(ct) : [];
        foreach (var callback in callbackRows.OrderBy(c => c.DueAt))
        {
            var reason = await cipher.DecryptAsync(callback.Reason, callback.Id, Callbacks.Callback.ReasonField, ct);
            var code = await cipher.DecryptAsync(callback.Code, callback.Id, Callbacks.Callback.CodeField, ct);
            callbacks.Add(new CaseCallbackView(callback.Id, callback.DueAt, callback.Status.ToCode(), reason.Reveal(), code.Reveal()));
        }

        return new CaseView(item.Id, item.IncidentId, item.Status.ToCode(), item.Outcome, item.OpenedAt,
            new CasePerson(person[PersonalField.GivenName]?.Reveal(), language, categories),
            notifications, callbacks, notes, await scripts.CurrentAsync(item.IncidentId, language, found.DefaultLanguage, ct));
    }

    private sealed record CaseLookup(
        Case Case, byte[]? Projection, bool HasNotes, bool HasCallbacks, bool HasNotifications, string? DefaultLanguage);
}

using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.CallCentre.Database;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.CallCentre.Support;

/// <summary>
/// Records the call centre's privileged actions for the hash-chained audit log: ids and codes, never values. The entry
/// is queued in the module's outbox and commits with the action's own <c>SaveChanges</c> (so the action and its record
/// stand or fall together); the outbox dispatcher appends it to the chain. Agents work in parallel all day, and
/// appending to the single chain head inside each request would queue every agent behind every other one.
/// Record reads of decrypted data are not among these: the key service audits each read itself, synchronously.
/// </summary>
public sealed class CallCentreAudit(CallCentreDbContext db)
{
    public const string Verify = "callcentre.verify";
    public const string CaseOpen = "callcentre.case_open";
    public const string NoteAdd = "callcentre.note_add";
    public const string CallbackAdd = "callcentre.callback_add";
    public const string CallbackDone = "callcentre.callback_done";
    public const string Resend = "callcentre.resend";
    public const string Escalate = "callcentre.escalate";
    public const string Close = "callcentre.case_close";
    public const string ScriptAdd = "callcentre.script_add";
    public const string EscalationsRead = "callcentre.escalations_read";
    public const string VerificationBlock = "callcentre.verification_block";

    /// <summary>Queues the entry; it is written by the caller's next <c>SaveChanges</c>.</summary>
    public void Record(string action, string outcome, CallCentreActor actor, Guid? subjectId, Guid? incidentId,
        IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        if (incidentId is { } incident)
        {
            all["incident_id"] = incident.ToString();
        }

        db.Audit(new AuditEvent(action, outcome)
        {
            ActorUserId = actor.UserId,
            ActorVendorId = actor.VendorId,
            SubjectId = subjectId,
            Details = all,
        });
    }
}

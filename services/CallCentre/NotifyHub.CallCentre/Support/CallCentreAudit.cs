using NotifyHub.Privacy.Audit;

namespace NotifyHub.CallCentre.Support;

/// <summary>Appends the call centre's privileged actions to the hash-chained audit log: ids and codes, never values.</summary>
public sealed class CallCentreAudit(AuditLog audit)
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

    public Task AppendAsync(string action, string outcome, CallCentreActor actor, Guid? subjectId, Guid? incidentId,
        CancellationToken ct, IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        if (incidentId is { } incident)
        {
            all["incident_id"] = incident.ToString();
        }

        return audit.AppendAsync(new AuditEvent(action, outcome)
        {
            ActorUserId = actor.UserId,
            ActorVendorId = actor.VendorId,
            SubjectId = subjectId,
            Details = all,
        }, ct);
    }
}

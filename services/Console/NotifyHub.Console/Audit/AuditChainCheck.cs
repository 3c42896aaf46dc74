using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Privacy.Audit;
using System.Globalization;

namespace NotifyHub.Console.Audit;

/// <summary>
/// Verifies the audit chain and records that it was checked, with the result: the one behaviour behind
/// <c>GET /api/v1/audit/verify</c> and the audit page's button.
/// </summary>
public static class AuditChainCheck
{
    public static async Task<AuditVerification> VerifyAndRecordAsync(AuditLog log, CurrentActor actor, CancellationToken ct)
    {
        var result = await log.VerifyAsync(ct);
        await log.AppendAsync(actor.Stamp(new AuditEvent(PrivilegedActions.AuditVerified, result.IsValid ? AuditOutcomes.Done : AuditOutcomes.Failed)
        {
            Details = new Dictionary<string, string>
            {
                ["entries_checked"] = result.EntriesChecked.ToString(CultureInfo.InvariantCulture),
                ["broken_at"] = result.BrokenAtSequence?.ToString(CultureInfo.InvariantCulture) ?? "",
            },
        }), ct);
        return result;
    }
}

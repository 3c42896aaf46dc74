using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Purposes;
using System.Text.Json;

namespace NotifyHub.Console.Audit;

/// <summary>One audit entry as auditors read it: ids, codes and hashes (entries hold no personal data).</summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset Time,
    Guid? ActorUserId,
    Guid? ActorVendorId,
    string Action,
    Guid? SubjectId,
    string? Purpose,
    string? Fields,
    string Outcome,
    JsonElement? Details,
    string PreviousHash,
    string Hash)
{
    public static AuditEntryView From(AuditEntry e) => new(
        e.Sequence, e.Time, e.ActorUserId, e.ActorVendorId, e.Action, e.SubjectId, e.Purpose?.Code(), e.Fields, e.Outcome,
        e.Details is null ? null : JsonDocument.Parse(e.Details).RootElement.Clone(),
        Convert.ToHexStringLower(e.PreviousHash), Convert.ToHexStringLower(e.Hash));
}

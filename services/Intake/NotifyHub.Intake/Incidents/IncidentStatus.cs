using System.Text.Json.Serialization;

namespace NotifyHub.Intake.Incidents;

/// <summary><c>open → closed</c> (its retention period starts) <c>→ purged</c> (its people's data destroyed).</summary>
public enum IncidentStatus
{
    [JsonStringEnumMemberName("open")]
    Open = 1,

    [JsonStringEnumMemberName("closed")]
    Closed = 2,

    [JsonStringEnumMemberName("purged")]
    Purged = 3,
}

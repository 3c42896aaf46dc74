using System.Text.Json.Serialization;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>A vendor's assignment to an incident: <c>running → completed</c> (every person projected), ended by <c>unassigned</c> or <c>revoked</c>.</summary>
public enum AssignmentStatus
{
    [JsonStringEnumMemberName("running")]
    Running = 1,

    [JsonStringEnumMemberName("completed")]
    Completed = 2,

    [JsonStringEnumMemberName("unassigned")]
    Unassigned = 3,

    [JsonStringEnumMemberName("revoked")]
    Revoked = 4,
}

public static class AssignmentStatuses
{
    /// <summary>The vendor works the incident's cases in these.</summary>
    public static readonly AssignmentStatus[] Active = [AssignmentStatus.Running, AssignmentStatus.Completed];
}

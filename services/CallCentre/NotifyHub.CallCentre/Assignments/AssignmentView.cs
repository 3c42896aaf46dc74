using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>An assignment with its back-fill progress: <c>projected</c> of <c>total</c> people (total null until counted).</summary>
public sealed record AssignmentView(
    Guid AssignmentId, Guid VendorId, string Status, int? Total, int Projected,
    DateTimeOffset AssignedAt, DateTimeOffset? CompletedAt, DateTimeOffset? EndedAt)
{
    public static AssignmentView From(Assignment a) =>
        new(a.Id, a.VendorId, a.Status.ToCode(), a.Total, a.Projected, a.AssignedAt, a.CompletedAt, a.EndedAt);
}

using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>A vendor may read projections of an incident's people for one purpose. No row, no access.</summary>
public sealed class VendorAssignment
{
    public Guid VendorId { get; init; }

    public Guid IncidentId { get; init; }

    public Purpose Purpose { get; init; }

    public DateTimeOffset AssignedAt { get; init; }

    public Guid? AssignedBy { get; init; }
}

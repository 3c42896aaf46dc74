namespace NotifyHub.Intake.CallCentre;

/// <summary>
/// Intake's own message for the back-fill of a call-centre assignment: project the next page of people after
/// <paramref name="AfterPersonId"/>. A million people become many small transactions that each hand on to the next.
/// </summary>
public sealed record ProjectCallCentrePage(Guid AssignmentId, Guid IncidentId, Guid VendorId, Guid AfterPersonId, int Total);

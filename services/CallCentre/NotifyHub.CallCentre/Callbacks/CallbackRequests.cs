namespace NotifyHub.CallCentre.Callbacks;

public sealed record ScheduleCallback(DateTimeOffset? DueAt, string? Reason);

public sealed record CallbackCreated(Guid Id, string CallbackCode);

public sealed record CallbackListItem(Guid Id, Guid CaseId, Guid IncidentId, DateTimeOffset DueAt, string Status, bool Overdue);

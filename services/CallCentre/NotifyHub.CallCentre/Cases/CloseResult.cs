namespace NotifyHub.CallCentre.Cases;

public sealed record CloseResult(Guid Id, string Status, string Outcome, DateTimeOffset ClosedAt);

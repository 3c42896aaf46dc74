namespace NotifyHub.CallCentre.Cases;

public sealed record AddNote(string? Text);

public sealed record RequestResend(string? Channel);

public sealed record EscalateCase(string? Reason);

public sealed record CloseCase(string? Outcome);

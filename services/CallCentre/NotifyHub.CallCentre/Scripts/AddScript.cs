namespace NotifyHub.CallCentre.Scripts;

public sealed record AddScript(string? Language, string? Title, string? Body);

namespace NotifyHub.Host;

/// <summary>A CLI failure the user can act on: printed as one line, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

namespace NotifyHub.BuildingBlocks.Hosting;

/// <summary>A start-up check failed on something the operator must fix; its message is the one line they see.</summary>
public sealed class StartupCheckException(string message) : Exception(message);

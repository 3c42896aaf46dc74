namespace NotifyHub.BuildingBlocks.Tests.Support;

/// <summary>An ordinary message; its number tells the test which ones arrived.</summary>
public sealed record Numbered(int Number);


namespace NotifyHub.Portal.Tests;

/// <summary>One host per test class, with the incident and its three people already imported.</summary>
public sealed class WorldFixture : IAsyncLifetime
{
    public PortalWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await PortalWorld.StartAsync(Settings);

    public async Task DisposeAsync() => await World.DisposeAsync();

    /// <summary>A global alarm threshold tests can reach in a few requests.</summary>
    private static Dictionary<string, string?> Settings => new() { ["NotifyHub:Portal:GlobalAlarmThreshold"] = "30" };
}

namespace NotifyHub.CallCentre.Tests;

/// <summary>One host per test class; each test registers its own vendor and opens its own incident.</summary>
public sealed class WorldFixture : IAsyncLifetime
{
    public CallCentreWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await CallCentreWorld.StartAsync();

    public async Task DisposeAsync() => await World.DisposeAsync();
}

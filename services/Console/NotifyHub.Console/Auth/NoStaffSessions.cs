using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Stand-in until server-side sessions exist: nothing to end beyond what the new security stamp already ends
/// (refresh tokens). Registered with TryAdd, so a real <see cref="IStaffSessions"/> registered anywhere replaces it.
/// </summary>
internal sealed class NoStaffSessions : IStaffSessions
{
    public Task RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

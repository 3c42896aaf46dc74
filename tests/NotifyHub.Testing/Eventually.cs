namespace NotifyHub.Testing;

/// <summary>Polls a condition that a message-driven system reaches asynchronously; fails with a timeout.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? because = null) =>
        TrueAsync(condition, timeout, () => Task.FromResult(because ?? ""));

    /// <param name="describe">Says what the state was when the time ran out: read only then, after the last try.</param>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> describe)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}. {await describe()}");
            }

            await Task.Delay(200);
        }
    }
}

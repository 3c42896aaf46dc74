namespace NotifyHub.Testing;

/// <summary>Polls a condition that a message-driven system reaches asynchronously; fails with a timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string? because = null)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}. {because}");
            }

            await Task.Delay(200);
        }
    }
}

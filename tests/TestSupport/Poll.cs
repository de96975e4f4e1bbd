namespace ServerlessSync.TestSupport;

/// <summary>
/// Waits for what a test set going in the background (a hub, a queue, a worker) to happen. The callers assert on what
/// they then see, so a timeout fails with the real state rather than with "timed out".
/// </summary>
public static class Poll
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Checks <paramref name="condition"/> until it holds or <paramref name="timeout"/> has passed; whether it held.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(interval ?? DefaultInterval);
        }

        return true;
    }

    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, interval);

    /// <summary>Asks <paramref name="probe"/> until it finds something or <paramref name="timeout"/> has passed; what it found, or null.</summary>
    public static async Task<T?> ForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, TimeSpan? interval = null)
        where T : class
    {
        T? found = null;
        await UntilAsync(async () => (found = await probe()) is not null, timeout, interval);
        return found;
    }
}

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Real storage clients on Azurite, with tables and queue names unique to one test.</summary>
internal static class CoreStorage
{
    /// <param name="tablePrefix">Given when several "processes" of one test share the tables; by default unique to this call.</param>
    public static async Task<StorageClients> CreateAsync(string? tablePrefix = null)
    {
        var connection = await Azurite.EnsureRunningAsync();
        return new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = connection,
            TablePrefix = tablePrefix ?? Azurite.UniqueName("t"),
            IntakeQueueName = tablePrefix is null ? Azurite.UniqueName("q") : tablePrefix + "-intake",
        }));
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

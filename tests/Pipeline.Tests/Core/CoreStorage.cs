namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Real storage clients on Azurite, with tables and queue names unique to one test.</summary>
internal static class CoreStorage
{
    public static async Task<StorageClients> CreateAsync()
    {
        var connection = await Azurite.EnsureRunningAsync();
        return new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = connection,
            TablePrefix = Azurite.UniqueName("t"),
            IntakeQueueName = Azurite.UniqueName("q"),
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

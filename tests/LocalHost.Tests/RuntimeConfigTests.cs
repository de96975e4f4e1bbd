namespace ServerlessSync.LocalHost.Tests;

/// <summary>Runtime settings the hub process is built with.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_hub_starts_with_64_thread_pool_threads_so_a_flood_does_not_wait_for_the_pool_to_grow()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ServerlessSync.LocalHost.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var minThreads = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Threading.ThreadPool.MinThreads");

        Assert.Equal(64, minThreads.GetInt32());
    }
}

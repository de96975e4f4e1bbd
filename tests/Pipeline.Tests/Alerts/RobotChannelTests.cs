namespace ServerlessSync.Pipeline.Tests.Alerts;

/// <summary>What the DingTalk and Feishu channel tests share: one robot receiver on loopback per test and a client to reach it.</summary>
public abstract class RobotChannelTests : IAsyncLifetime
{
    protected HttpClient Http { get; } = new();

    private protected RobotReceiver Robot { get; private set; } = null!;

    public async Task InitializeAsync() => Robot = await RobotReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Robot.DisposeAsync();
    }
}

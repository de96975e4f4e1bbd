namespace ServerlessSync.Simulators.Tests.WeChat;

/// <summary>The real simulator host on a free loopback port, shared by the WeChat simulator tests.</summary>
public sealed class WeChatSimulatorFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public WeChatSimulatorOptions Options => Services.GetRequiredService<WeChatSimulatorOptions>();

    public WeChatOrderStore Store => Services.GetRequiredService<WeChatOrderStore>();

    public WeChatSimTokens Tokens => Services.GetRequiredService<WeChatSimTokens>();

    public IServiceProvider Services => app!.Services;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Uri Url(string relative) => new(BaseUrl, relative.TrimStart('/'));
}

[CollectionDefinition(Name)]
public sealed class WeChatSimulatorCollection : ICollectionFixture<WeChatSimulatorFixture>
{
    public const string Name = "wechat-simulator";
}

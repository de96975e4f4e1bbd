namespace ServerlessSync.Simulators.Tests.Douyin;

/// <summary>The real simulator host on a free loopback port, shared by the Douyin simulator tests.</summary>
public sealed class DouyinSimulatorFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public DouyinSimulatorOptions Options => Services.GetRequiredService<DouyinSimulatorOptions>();

    public DouyinOrderStore Store => Services.GetRequiredService<DouyinOrderStore>();

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
public sealed class DouyinSimulatorCollection : ICollectionFixture<DouyinSimulatorFixture>
{
    public const string Name = "douyin-simulator";
}

namespace ServerlessSync.Simulators.Tests.Kuaishou;

/// <summary>The real simulator host on a free loopback port, shared by the Kuaishou simulator tests.</summary>
public sealed class KuaishouSimulatorFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public KuaishouSimulatorOptions Options => Services.GetRequiredService<KuaishouSimulatorOptions>();

    public KuaishouOrderStore Store => Services.GetRequiredService<KuaishouOrderStore>();

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
public sealed class KuaishouSimulatorCollection : ICollectionFixture<KuaishouSimulatorFixture>
{
    public const string Name = "kuaishou-simulator";
}

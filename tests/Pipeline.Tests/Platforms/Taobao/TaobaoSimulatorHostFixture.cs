namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>The real simulator host on a free loopback port; each test class using it gets its own.</summary>
public sealed class TaobaoSimulatorHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string GatewayUrl { get; private set; } = "";

    public TaobaoSimulatorOptions Options => app!.Services.GetRequiredService<TaobaoSimulatorOptions>();

    public TaobaoOrderStore Store => app!.Services.GetRequiredService<TaobaoOrderStore>();

    public TaobaoSimStock Stock => app!.Services.GetRequiredService<TaobaoSimStock>();

    public TaobaoCallLog CallLog => app!.Services.GetRequiredService<TaobaoCallLog>();

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        GatewayUrl = app.Urls.Single().TrimEnd('/') + "/taobao/router/rest";
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Adapter settings pointing at this simulator with its credentials.</summary>
    public IOptions<TaobaoOptions> AdapterOptions(Action<TaobaoOptions>? configure = null)
    {
        var options = new TaobaoOptions
        {
            ApiBaseUrl = GatewayUrl,
            AppKey = Options.AppKey,
            AppSecret = Options.AppSecret,
            SessionKey = Options.SessionKey,
        };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}

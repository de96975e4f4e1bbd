namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

/// <summary>The real simulator host on a free loopback port, and options pointing our adapters at it.</summary>
public sealed class KuaishouSimulatorHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string KuaishouBaseUrl { get; private set; } = "";

    public KuaishouSimulatorOptions Options => app!.Services.GetRequiredService<KuaishouSimulatorOptions>();

    public KuaishouOrderStore Store => app!.Services.GetRequiredService<KuaishouOrderStore>();

    public KuaishouSimStock Stock => app!.Services.GetRequiredService<KuaishouSimStock>();

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", $"http://127.0.0.1:{FreePort.Next()}"]);
        await app.StartAsync();
        KuaishouBaseUrl = app.Urls.Single().TrimEnd('/') + KuaishouSimulatorRegistration.RoutePrefix;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public IOptions<KuaishouOptions> ClientOptions(
        string? signSecret = null, string? baseUrl = null, string signMethod = "HMAC_SHA256", Dictionary<string, PlatformShopSettings>? shops = null) =>
        Microsoft.Extensions.Options.Options.Create(new KuaishouOptions
        {
            ApiBaseUrl = baseUrl ?? KuaishouBaseUrl,
            AppKey = Options.AppKey,
            AppSecret = Options.AppSecret,
            SignSecret = signSecret ?? Options.SignSecret,
            MessageKey = Options.MessageKey,
            SignMethod = signMethod,
            AccessToken = Options.AccessToken,
            Shops = shops ?? [],
        });
}

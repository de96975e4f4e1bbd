namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>The real simulator host on a free loopback port.</summary>
public sealed class DouyinSimulatorHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string DouyinBaseUrl { get; private set; } = "";

    public DouyinSimulatorOptions Options => app!.Services.GetRequiredService<DouyinSimulatorOptions>();

    public DouyinOrderStore Store => app!.Services.GetRequiredService<DouyinOrderStore>();

    /// <summary>Client settings for the simulator's app with its test token (<paramref name="secret"/> to sign wrongly).</summary>
    public IOptions<DouyinApiOptions> ApiOptions(string? secret = null) => Microsoft.Extensions.Options.Options.Create(new DouyinApiOptions
    {
        ApiBaseUrl = DouyinBaseUrl,
        AppKey = Options.AppKey,
        AppSecret = secret ?? Options.AppSecret,
        AccessToken = "sim-token",
    });

    /// <summary>A shop of its own (a random id with its own access token), so a test's orders and rows are its own (<paramref name="secret"/> to sign wrongly).</summary>
    public (string ShopId, IOptions<DouyinApiOptions> Api) NewShop(string? secret = null)
    {
        var shopId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        Options.ShopAccessTokens["token-" + shopId] = shopId;
        return (shopId, Microsoft.Extensions.Options.Options.Create(new DouyinApiOptions
        {
            ApiBaseUrl = DouyinBaseUrl,
            AppKey = Options.AppKey,
            AppSecret = secret ?? Options.AppSecret,
            Shops = { [shopId] = new PlatformShopSettings { AccessToken = "token-" + shopId } },
        }));
    }

    public DouyinSkuStock Stock => app!.Services.GetRequiredService<DouyinSkuStock>();

    public DouyinSimulatorFaults Faults => app!.Services.GetRequiredService<DouyinSimulatorFaults>();

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        DouyinBaseUrl = app.Urls.Single().TrimEnd('/') + "/douyin";
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

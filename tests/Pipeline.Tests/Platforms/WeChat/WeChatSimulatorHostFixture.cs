namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

/// <summary>The real simulator host on a free loopback port, and WeChat clients wired to it by hand.</summary>
public sealed class WeChatSimulatorHostFixture : IAsyncLifetime
{
    public const string ShopId = "wx-shop-1";

    private WebApplication? app;

    public string WeChatBaseUrl { get; private set; } = "";

    public WeChatSimulatorOptions Options => app!.Services.GetRequiredService<WeChatSimulatorOptions>();

    public WeChatOrderStore Store => app!.Services.GetRequiredService<WeChatOrderStore>();

    public WeChatSimStock Stock => app!.Services.GetRequiredService<WeChatSimStock>();

    public WeChatSimTokens Tokens => app!.Services.GetRequiredService<WeChatSimTokens>();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        WeChatBaseUrl = app.Urls.Single().TrimEnd('/') + "/wechat";
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

    /// <summary>Settings for one shop using the simulator's app; <paramref name="shop"/> may override the shop's entry.</summary>
    public WeChatOptions Settings(PlatformShopSettings? shop = null) => new()
    {
        ApiBaseUrl = WeChatBaseUrl,
        AppId = Options.AppId,
        AppSecret = Options.AppSecret,
        Token = Options.Token,
        EncodingAesKey = Options.EncodingAesKey,
        UserNames = new() { [Options.UserName] = ShopId },
        Shops = new() { [ShopId] = shop ?? new PlatformShopSettings() },
    };

    public WeChatApi Api(WeChatOptions? settings = null, WeChatAccessTokenCache? cache = null) =>
        new(Http, Microsoft.Extensions.Options.Options.Create(settings ?? Settings()), new WeChatTokenClient(Http), cache ?? new WeChatAccessTokenCache());

    public WeChatOrderClient Client(WeChatOptions? settings = null, WeChatAccessTokenCache? cache = null) => new(Api(settings, cache));
}

namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

/// <summary>The simulator host, and 微信小店 clients wired to it by hand.</summary>
public sealed class WeChatSimulatorHostFixture : SimulatorHostFixture
{
    public const string ShopId = "wx-shop-1";

    public string WeChatBaseUrl => HostUrl + "/wechat";

    public WeChatSimulatorOptions Options => Service<WeChatSimulatorOptions>();

    public WeChatOrderStore Store => Service<WeChatOrderStore>();

    public WeChatSimStock Stock => Service<WeChatSimStock>();

    public WeChatSimTokens Tokens => Service<WeChatSimTokens>();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
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

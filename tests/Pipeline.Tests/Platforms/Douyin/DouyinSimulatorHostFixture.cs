namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>The simulator host, and 抖店 settings pointing the hub's clients at it.</summary>
public sealed class DouyinSimulatorHostFixture : SimulatorHostFixture
{
    public string DouyinBaseUrl => HostUrl + "/douyin";

    public DouyinSimulatorOptions Options => Service<DouyinSimulatorOptions>();

    public DouyinOrderStore Store => Service<DouyinOrderStore>();

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

    public DouyinSkuStock Stock => Service<DouyinSkuStock>();

    public DouyinSimulatorFaults Faults => Service<DouyinSimulatorFaults>();
}

namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

/// <summary>The simulator host, and 快手 settings pointing the hub's clients at it.</summary>
public sealed class KuaishouSimulatorHostFixture : SimulatorHostFixture
{
    public string KuaishouBaseUrl => HostUrl + KuaishouSimulatorRegistration.RoutePrefix;

    public KuaishouSimulatorOptions Options => Service<KuaishouSimulatorOptions>();

    public KuaishouOrderStore Store => Service<KuaishouOrderStore>();

    public KuaishouSimStock Stock => Service<KuaishouSimStock>();

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

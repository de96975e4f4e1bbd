namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>The simulator host, and 淘宝 settings pointing the hub's clients at it.</summary>
public sealed class TaobaoSimulatorHostFixture : SimulatorHostFixture
{
    public string GatewayUrl => HostUrl + "/taobao/router/rest";

    public TaobaoSimulatorOptions Options => Service<TaobaoSimulatorOptions>();

    public TaobaoOrderStore Store => Service<TaobaoOrderStore>();

    public TaobaoSimStock Stock => Service<TaobaoSimStock>();

    public TaobaoCallLog CallLog => Service<TaobaoCallLog>();

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

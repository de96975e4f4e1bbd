namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>淘宝 against its simulator: TOP-signed calls on the router gateway; pull only (no HTTP push).</summary>
public sealed class TaobaoContract() : PlatformContract(PlatformFacts.Taobao)
{
    private TaobaoSimulatorOptions Sim => Service<TaobaoSimulatorOptions>();

    public override (string ShopId, PlatformSku Sku) StockSku => (Sim.SellerNick, new(TaobaoSimCatalog.Items[0].NumIid, TaobaoSimCatalog.Items[0].SkuId));

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(TaobaoOptions.ApiBaseUrl)] = HostUrl + "/taobao/router/rest",
        [nameof(TaobaoOptions.AppKey)] = Sim.AppKey,
        [nameof(TaobaoOptions.AppSecret)] = Sim.AppSecret,
        [nameof(TaobaoOptions.SessionKey)] = Sim.SessionKey,
    };

    public override IEnumerable<string> Secrets() => [Sim.AppSecret, Sim.SessionKey];

    public override ContractOrder NewOrder()
    {
        var trade = Service<TaobaoOrderStore>().CreateOrders(1).Single();
        return new(new OrderKey(Platform, trade.SellerNick, trade.Tid), trade.Payment, trade.Receiver.Name);
    }

    protected override SimSkuStock Stock => Service<TaobaoSimStock>();

    protected override void SetFaults(double throttleRate, double apiFailureRate) => (Sim.ThrottleRate, Sim.ApiFailureRate) = (throttleRate, apiFailureRate);
}

public sealed class TaobaoContractTests(TaobaoContract platform) : PlatformContractTests<TaobaoContract>(platform);

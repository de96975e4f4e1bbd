namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>淘宝 against its simulator: TOP-signed calls on the router gateway; pull only (no HTTP push).</summary>
public sealed class TaobaoContract : PlatformContract
{
    private TaobaoSimulatorOptions Sim => Simulator.GetRequiredService<TaobaoSimulatorOptions>();

    public override string Platform => PlatformNames.Taobao;

    public override (string Setting, string RefusalCode) Credential => (nameof(TaobaoOptions.AppSecret), $"code {TaobaoApiError.InvalidSignature}");

    public override string ThrottleCode => "code 7";

    public override (string OrderId, string Code) UnknownOrder => ("3500000000000000001", "isv.trade-not-exist");

    public override (TimeSpan Window, int PageSize) ListLimits => (TaobaoIncrementQuery.MaxSpan, TaobaoIncrementQuery.MaxPageSize);

    public override string Carrier => "SF";

    public override (string ShopId, PlatformSku Sku) StockSku => (Sim.SellerNick, new(TaobaoSimCatalog.Items[0].NumIid, TaobaoSimCatalog.Items[0].SkuId));

    protected override string SettingsSection => TaobaoOptions.SectionName;

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(TaobaoOptions.ApiBaseUrl)] = SimulatorUrl + "/taobao/router/rest",
        [nameof(TaobaoOptions.AppKey)] = Sim.AppKey,
        [nameof(TaobaoOptions.AppSecret)] = Sim.AppSecret,
        [nameof(TaobaoOptions.SessionKey)] = Sim.SessionKey,
    };

    public override IEnumerable<string> Secrets() => [Sim.AppSecret, Sim.SessionKey];

    public override ContractOrder NewOrder()
    {
        var trade = Simulator.GetRequiredService<TaobaoOrderStore>().CreateOrders(1).Single();
        return new(new OrderKey(Platform, trade.SellerNick, trade.Tid), trade.Payment, trade.Receiver.Name);
    }

    public override long ShownStock() => Simulator.GetRequiredService<TaobaoSimStock>().Get(StockSku.ShopId, StockSku.Sku.SkuId).Stock;

    protected override void SetFaults(double throttleRate, double apiFailureRate) => (Sim.ThrottleRate, Sim.ApiFailureRate) = (throttleRate, apiFailureRate);
}

public sealed class TaobaoContractTests(TaobaoContract platform) : PlatformContractTests<TaobaoContract>(platform);

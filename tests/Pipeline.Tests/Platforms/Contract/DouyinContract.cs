using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>抖店 against its simulator: signed open-API calls, pushes signed with <c>event-sign</c>.</summary>
public sealed class DouyinContract() : PushContract(PlatformFacts.Douyin)
{
    private DouyinSimulatorOptions Sim => Service<DouyinSimulatorOptions>();

    private DouyinOrderStore Store => Service<DouyinOrderStore>();

    public override (string ShopId, PlatformSku Sku) StockSku => (DemoCatalog.ShopId, new(DemoCatalog.Products[0].ProductId, DemoCatalog.Products[0].SkuId));

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(DouyinApiOptions.ApiBaseUrl)] = HostUrl + "/douyin",
        [nameof(DouyinApiOptions.AppKey)] = Sim.AppKey,
        [nameof(DouyinApiOptions.AppSecret)] = Sim.AppSecret,
        [nameof(DouyinApiOptions.AccessToken)] = "sim-token",
    };

    public override IEnumerable<string> Secrets() => [Sim.AppSecret, "sim-token"];

    public override ContractOrder NewOrder()
    {
        var order = Store.CreateOrders(1).Single();
        return new(new OrderKey(Platform, order.ShopId, order.OrderId), order.PayAmount, order.Receiver.MaskName);
    }

    protected override SimSkuStock Stock => Service<DouyinSkuStock>();

    protected override void SetFaults(double throttleRate, double apiFailureRate) => (Sim.ThrottleRate, Sim.ApiFailureRate) = (throttleRate, apiFailureRate);

    public override WebhookRequest Push(ContractOrder order) => Request(Build(order));

    public override WebhookRequest ForgedPush(ContractOrder order) => Request(DouyinPushBuilder.Forge(Build(order)));

    public override WebhookRequest MalformedPush(ContractOrder order)
    {
        var body = Encoding.UTF8.GetBytes("this is not a JSON array of messages");
        return Request(Build(order) with { Body = body, EventSign = DouyinSimSignatures.EventSign(Sim.AppKey, Sim.AppSecret, body) });
    }

    private DouyinPush Build(ContractOrder order) =>
        DouyinPushBuilder.Build(Sim.AppKey, Sim.AppSecret, Store.Find(order.Key.OrderId)!, DouyinPushTags.TradePaid, "m-" + order.Key.OrderId);

    private static WebhookRequest Request(DouyinPush push) =>
        Post(push.Body, new Dictionary<string, string> { [DouyinPushAck.AppIdHeader] = push.AppId, [DouyinPushAck.SignHeader] = push.EventSign });
}

public sealed class DouyinContractTests(DouyinContract platform) : PlatformContractTests<DouyinContract>(platform);

public sealed class DouyinPushContractTests(DouyinContract platform) : PushContractTests<DouyinContract>(platform);

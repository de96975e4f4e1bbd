using Microsoft.AspNetCore.WebUtilities;

namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>微信小店 against its simulator: access-token calls, pushes encrypted and signed with <c>msg_signature</c>.</summary>
public sealed class WeChatContract() : PushContract(PlatformFacts.WeChat)
{
    private WeChatSimulatorOptions Sim => Service<WeChatSimulatorOptions>();

    private WeChatOrderStore Store => Service<WeChatOrderStore>();

    public override (string ShopId, PlatformSku Sku) StockSku => (WeChatSimStock.ShopId, new(DemoCatalog.Products[0].ProductId, DemoCatalog.Products[0].SkuId));

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(WeChatOptions.ApiBaseUrl)] = HostUrl + "/wechat",
        [nameof(WeChatOptions.AppId)] = Sim.AppId,
        [nameof(WeChatOptions.AppSecret)] = Sim.AppSecret,
        [nameof(WeChatOptions.Token)] = Sim.Token,
        [nameof(WeChatOptions.EncodingAesKey)] = Sim.EncodingAesKey,
        [$"{nameof(WeChatOptions.UserNames)}:{Sim.UserName}"] = WeChatSimStock.ShopId,
        [$"{nameof(WeChatOptions.Shops)}:{WeChatSimStock.ShopId}:PullEnabled"] = "true",
    };

    public override IEnumerable<string> Secrets() => [Sim.AppSecret, Sim.Token, Sim.EncodingAesKey];

    public override ContractOrder NewOrder()
    {
        var order = Store.CreateOrders(1).Single();
        return new(new OrderKey(Platform, WeChatSimStock.ShopId, order.OrderId), order.OrderPrice, order.Address.UserName);
    }

    protected override SimSkuStock Stock => Service<WeChatSimStock>();

    protected override void SetFaults(double throttleRate, double apiFailureRate) => (Sim.ThrottleRate, Sim.ApiFailureRate) = (throttleRate, apiFailureRate);

    public override WebhookRequest Push(ContractOrder order) => Request(WeChatPushBuilder.Build(Sim, Store.Find(order.Key.OrderId)!, WeChatPushEvents.OrderPay, DateTimeOffset.UtcNow));

    public override WebhookRequest ForgedPush(ContractOrder order) => Request(WeChatPushBuilder.Forge(Sim, Store.Find(order.Key.OrderId)!, WeChatPushEvents.OrderPay, DateTimeOffset.UtcNow));

    public override WebhookRequest MalformedPush(ContractOrder order) => Push(order) with { Body = Encoding.UTF8.GetBytes("this is not a JSON object") };

    private static WebhookRequest Request(WeChatPush push) =>
        Post(push.Body, query: QueryHelpers.ParseQuery(push.Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
}

public sealed class WeChatContractTests(WeChatContract platform) : PlatformContractTests<WeChatContract>(platform);

public sealed class WeChatPushContractTests(WeChatContract platform) : PushContractTests<WeChatContract>(platform);

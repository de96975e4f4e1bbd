namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>快手 against its simulator: signed open-API calls, pushes encrypted with the message key.</summary>
public sealed class KuaishouContract() : PushContract(PlatformFacts.Kuaishou)
{
    private KuaishouSimulatorOptions Sim => Service<KuaishouSimulatorOptions>();

    private KuaishouOrderStore Store => Service<KuaishouOrderStore>();

    public override (string ShopId, PlatformSku Sku) StockSku => (Sim.SellerId, new(DemoCatalog.Products[2].ProductId, DemoCatalog.Products[2].SkuId));

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(KuaishouOptions.ApiBaseUrl)] = HostUrl + KuaishouSimulatorRegistration.RoutePrefix,
        [nameof(KuaishouOptions.AppKey)] = Sim.AppKey,
        [nameof(KuaishouOptions.AppSecret)] = Sim.AppSecret,
        [nameof(KuaishouOptions.SignSecret)] = Sim.SignSecret,
        [nameof(KuaishouOptions.MessageKey)] = Sim.MessageKey,
        [nameof(KuaishouOptions.AccessToken)] = Sim.AccessToken,
    };

    public override IEnumerable<string> Secrets() => [Sim.SignSecret, Sim.AppSecret, Sim.AccessToken, Sim.MessageKey];

    public override ContractOrder NewOrder()
    {
        var order = Store.CreateOrders(1).Single();
        return new(new OrderKey(Platform, order.SellerId, order.Oid), order.PayAmount, order.Receiver.DesensitiseConsignee);
    }

    protected override SimSkuStock Stock => Service<KuaishouSimStock>();

    protected override void SetFaults(double throttleRate, double apiFailureRate) => (Sim.ThrottleRate, Sim.ApiFailureRate) = (throttleRate, apiFailureRate);

    public override WebhookRequest Push(ContractOrder order) => Post(Build(order).Body);

    public override WebhookRequest ForgedPush(ContractOrder order) => Post(KuaishouPushBuilder.Forge(Build(order)).Body);

    /// <summary>An envelope of this app, encrypted with its key, without the <c>event</c> every push carries.</summary>
    public override WebhookRequest MalformedPush(ContractOrder order) =>
        Post(Encoding.ASCII.GetBytes(KuaishouSimSignatures.EncryptPush($$"""{"appKey":"{{Sim.AppKey}}","msgId":"m-{{order.Key.OrderId}}","eventId":"e-1","test":false}""", Sim.MessageKey)));

    private KuaishouPush Build(ContractOrder order) =>
        KuaishouPushBuilder.Build(Sim, Store.Find(order.Key.OrderId)!, KuaishouPushEvents.OrderPaid, "m-" + order.Key.OrderId, "e-" + order.Key.OrderId);
}

public sealed class KuaishouContractTests(KuaishouContract platform) : PlatformContractTests<KuaishouContract>(platform);

public sealed class KuaishouPushContractTests(KuaishouContract platform) : PushContractTests<KuaishouContract>(platform);

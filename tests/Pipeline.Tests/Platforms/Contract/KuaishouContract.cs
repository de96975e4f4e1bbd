namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>快手 against its simulator: signed open-API calls, pushes encrypted with the message key.</summary>
public sealed class KuaishouContract : PushContract
{
    private KuaishouSimulatorOptions Sim => Simulator.GetRequiredService<KuaishouSimulatorOptions>();

    private KuaishouOrderStore Store => Simulator.GetRequiredService<KuaishouOrderStore>();

    public override string Platform => PlatformNames.Kuaishou;

    public override (string Setting, string RefusalCode) Credential => (nameof(KuaishouOptions.SignSecret), "result 28");

    public override string ThrottleCode => "802000";

    public override (string OrderId, string Code) UnknownOrder => ("2500000000000001", "ORDER_NOT_EXIST");

    public override (TimeSpan Window, int PageSize) ListLimits => (TimeSpan.FromDays(7), KuaishouCursorListQuery.MaxPageSize);

    public override string Carrier => "4";

    public override (string ShopId, PlatformSku Sku) StockSku => (Sim.SellerId, new(DemoCatalog.Products[2].ProductId, DemoCatalog.Products[2].SkuId));

    protected override string SettingsSection => KuaishouOptions.SectionName;

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [nameof(KuaishouOptions.ApiBaseUrl)] = SimulatorUrl + KuaishouSimulatorRegistration.RoutePrefix,
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

    public override long ShownStock() => Simulator.GetRequiredService<KuaishouSimStock>().Get(StockSku.ShopId, StockSku.Sku.SkuId).Stock;

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

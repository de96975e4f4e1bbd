using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Orchestration.Tests.Support;

/// <summary>Orders, plans and retry settings as the stub activities hand them to the orchestrators.</summary>
public static class Orders
{
    public const string ErpTarget = "erp:Kingdee";

    /// <summary>Retries in milliseconds, so a run that uses them all still ends at once.</summary>
    public static readonly SyncRetryPlan FastRetries = new(
        Fetch: new RetrySteps(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)),
        Erp: new RetrySteps(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)),
        WriteBack: new RetrySteps(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)),
        WriteBackRoundInterval: TimeSpan.FromMilliseconds(10),
        WriteBackMaxRounds: 5,
        BatchWriteAttempts: 2,
        Alert: new RetrySteps(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)));

    public static OrderKey NewKey() => new("douyin", "shop-1", "69" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999));

    public static SyncOrderInput Input(OrderKey key, string @event = "paid", SyncRetryPlan? retries = null) => new(key, @event, "msg-" + key.OrderId, retries ?? FastRetries);

    public static OrderSummary Summary(OrderKey key, OrderStatus status = OrderStatus.Paid) =>
        new(key, status, 12_900, new OrderSalesFacts(DateTimeOffset.UnixEpoch, "anchor-1", "Anchor", "room-1", "live", [new SalesLine("SKU-1", "Tea", 1, 12_900, false)]));

    public static ErpSalesOrder Document(OrderKey key) => new()
    {
        ExternalOrderNo = key.OrderId,
        Platform = key.Platform,
        ShopId = key.ShopId,
        CustomerNumber = "CUST-1",
        SalesOrgNumber = "100",
        OrderDate = DateTimeOffset.UnixEpoch,
        TotalAmountFen = 12_900,
        Lines = [new ErpSalesOrderLine { MaterialNumber = "M-1", UnitNumber = "Pcs", Quantity = 1, AmountFen = 12_900, IsGift = false, WarehouseNumber = "CK01" }],
    };

    /// <summary>A paid order the ERP does not hold yet, with a document to write.</summary>
    public static PreparedOrder ToWrite(OrderKey key) =>
        new(Summary(key), new SyncPlan { Action = SyncAction.CreateErpOrder, Document = Document(key), ErpTarget = ErpTarget });

    public static PreparedOrder With(OrderKey key, SyncPlan plan, OrderStatus status = OrderStatus.Paid) => new(Summary(key, status), plan);

    public static IntakeMessage Event(OrderKey key) =>
        new(key.Platform, key.ShopId, key.OrderId, "paid", DateTimeOffset.UnixEpoch, "msg-" + key.OrderId, DateTimeOffset.UnixEpoch);

    public static BatchOrder InBatch(OrderKey key)
    {
        var prepared = ToWrite(key);
        return new BatchOrder(Event(key), prepared.Order, prepared.Plan);
    }

    public static BatchWriteOutcome InErp(string number) => new(BatchWriteKind.InErp, ErpWriteOutcome.Created(number), null);
}

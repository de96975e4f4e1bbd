namespace ServerlessSync.Domain.Mapping;

/// <summary>
/// How one platform shop's orders become ERP sales orders. Stored as JSON data, versioned; changing it
/// needs no deploy.
/// </summary>
public sealed record MappingProfile
{
    public required string Platform { get; init; }

    public required string ShopId { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The ERP customer the shop sells as (店铺 → 客户).</summary>
    public required string CustomerNumber { get; init; }

    public required string SalesOrgNumber { get; init; }

    public string? SalesmanNumber { get; init; }

    public required string DefaultWarehouse { get; init; }

    public decimal TaxRatePercent { get; init; } = 13m;

    /// <summary>Platform SKU id or merchant code → ERP material.</summary>
    public required IReadOnlyDictionary<string, SkuMapping> Skus { get; init; }

    public StockPolicy StockPolicy { get; init; } = StockPolicy.Hold;

    /// <summary>How long a held order waits for stock before it is written anyway or failed, in minutes.</summary>
    public int StockHoldMinutes { get; init; } = 30;

    /// <summary>How often a held order re-checks stock, in seconds.</summary>
    public int StockRecheckSeconds { get; init; } = 60;

    /// <summary>Platform SKU id or merchant code of a combo (组合装) → the ERP materials it is made of.</summary>
    public IReadOnlyDictionary<string, ComboMapping> Combos { get; init; } = new Dictionary<string, ComboMapping>();

    /// <summary>How a combo's paid amount is split over its components unless the combo says otherwise.</summary>
    public AllocationBasis PriceAllocation { get; init; } = AllocationBasis.ListPrice;

    /// <summary>How the freight the buyer paid goes to the ERP: spread over the goods lines or its own charge line.</summary>
    public FreightMapping Freight { get; init; } = FreightMapping.Allocated;

    /// <summary>Gifts the merchant adds for what was bought (e.g. one sample per two creams).</summary>
    public IReadOnlyList<GiftRule> GiftRules { get; init; } = [];

    /// <summary>Platform status code → canonical status, overriding the adapter's default for this shop.</summary>
    public IReadOnlyDictionary<string, Orders.OrderStatus> StatusMap { get; init; } = new Dictionary<string, Orders.OrderStatus>();

    /// <summary>Marketing tag (anchorId, anchorName, liveRoomId, channel, coupon, activity) → ERP custom field name.</summary>
    public IReadOnlyDictionary<string, string> CustomFieldMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Validation and routing rules evaluated before an order is written.</summary>
    public IReadOnlyList<Rules.RuleDefinition> Rules { get; init; } = [];

    /// <summary>Buyer open ids whose orders are quarantined (the built-in blocked-buyer rule).</summary>
    public IReadOnlyList<string> BlockedBuyers { get; init; } = [];

    /// <summary>Whether an order without receiver data is quarantined (the built-in missing-receiver rule).</summary>
    public bool RequireReceiver { get; init; }

    /// <summary>Whether the ERP order number is written to the platform order as the seller's note, and in which words.</summary>
    public SellerNoteSetting SellerNote { get; init; } = SellerNoteSetting.Default;

    /// <summary>
    /// The ERP's carrier (as its outbound document names it, e.g. Kingdee <c>FCarrierID</c>) → the platform's carrier code
    /// (抖店 <c>company_code</c>, 快手 numeric <c>expressCode</c>, 微信小店 <c>delivery_id</c>, 淘宝 <c>company_code</c>). A shipment
    /// whose carrier is missing here waits in quarantine until the profile maps it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Carriers { get; init; } = new Dictionary<string, string>();
    /// <summary>Whether the ERP's available stock of the mapped SKUs is pushed to the platform, and the safety buffers.</summary>
    public StockPushSetting StockPush { get; init; } = StockPushSetting.Off;
}

public sealed record SkuMapping(string MaterialNumber, string UnitNumber, string? Warehouse = null);

public enum StockPolicy
{
    /// <summary>Short stock: the order waits as "pending stock" and re-checks on a timer.</summary>
    Hold = 0,

    /// <summary>Short stock is reported but the order is written anyway.</summary>
    WriteAnyway = 1,
}

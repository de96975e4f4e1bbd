namespace ServerlessSync.Simulators;

/// <summary>
/// The products, anchors and live rooms the demo burst sells. The Douyin simulator builds orders from it,
/// the Kingdee simulator seeds stock for its materials, and the demo mapping profile maps its codes.
/// </summary>
public static class DemoCatalog
{
    public sealed record Product(string SkuId, string ProductId, string MerchantCode, string Title, long PriceFen, string MaterialNumber);

    public sealed record Anchor(string AuthorId, string AuthorName, string RoomId);

    public const string ShopId = "100200300";

    public static readonly IReadOnlyList<Product> Products =
    [
        new("1720000000000001", "3600000000000001", "SKU-LIP-01", "丝绒口红 #01", 9900, "MAT-LIP-01"),
        new("1720000000000002", "3600000000000002", "SKU-LIP-02", "丝绒口红 #02", 9900, "MAT-LIP-02"),
        new("1720000000000003", "3600000000000003", "SKU-CREAM-50", "保湿面霜 50ml", 25900, "MAT-CREAM-50"),
        new("1720000000000004", "3600000000000004", "SKU-MASK-10", "补水面膜 10片", 6900, "MAT-MASK-10"),
        new("1720000000000005", "3600000000000005", "SKU-SERUM-30", "精华液 30ml", 39900, "MAT-SERUM-30"),
    ];

    /// <summary>The charge (service) material the demo profiles put freight on (<c>freight.mode: ChargeLine</c>).</summary>
    public const string FreightMaterial = "MAT-FREIGHT";

    /// <summary>Every material the ERP simulators know (and hold stock of): their material master's codes.</summary>
    public static IEnumerable<string> ErpMaterials => MaterialMaster.Select(m => m.Number);

    /// <summary>A material of the ERP simulators' material master (what their material searches answer from).</summary>
    public sealed record ErpMaterialRecord(string Number, string Name, string Unit, string? Specification);

    /// <summary>The ERP simulators' material master: the products' materials, the freight charge and a gift sample.</summary>
    public static IReadOnlyList<ErpMaterialRecord> MaterialMaster =>
    [
        .. Products.Select(p => new ErpMaterialRecord(p.MaterialNumber, p.Title, UnitNumber, null)),
        new(FreightMaterial, "运费 freight", UnitNumber, "service"),
        new(GiftMaterial, "小样 gift sample", UnitNumber, null),
    ];

    /// <summary>A gift material the demo profiles give away with gift rules.</summary>
    public const string GiftMaterial = "MAT-GIFT-SAMPLE";

    public static readonly IReadOnlyList<Anchor> Anchors =
    [
        new("71000001", "主播小美", "7300000000000000001"),
        new("71000002", "主播阿杰", "7300000000000000002"),
    ];

    /// <summary>Stock the Kingdee simulator holds per material unless configured otherwise.</summary>
    public const decimal DefaultStock = 1_000_000m;

    public const string CustomerNumber = "CUST-DOUYIN-01";
    public const string SalesOrgNumber = "100";
    public const string WarehouseNumber = "CK001";
    public const string UnitNumber = "Pcs";
}

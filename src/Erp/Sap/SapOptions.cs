using ServerlessSync.Domain.Erp.Sap;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>Connection to one S/4HANA system through a communication user (Basic auth), bound from <c>Erp:Sap</c>.</summary>
public sealed class SapOptions : ErpHttpOptions
{
    public const string SectionName = "Erp:Sap";

    /// <summary>The communication user (S/4HANA Cloud: the one of the SAP_COM_0109 arrangement).</summary>
    [Required]
    public string UserName { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    /// <summary><c>sap-client</c> added to every URL when set (on-premise systems with several clients).</summary>
    public string Client { get; set; } = "";

    public string SalesOrderType { get; set; } = "OR";

    [Required]
    public string SalesOrganization { get; set; } = "";

    [Required]
    public string DistributionChannel { get; set; } = "";

    [Required]
    public string OrganizationDivision { get; set; } = "";

    /// <summary>Delivering plant of every item, and the plant whose stock is checked.</summary>
    [Required]
    public string Plant { get; set; } = "";

    /// <summary>Storage location of every item; empty leaves it to SAP.</summary>
    public string StorageLocation { get; set; } = "";

    /// <summary>Manual price condition type (customizing): PPR0 in S/4HANA pricing, PR00 in classic SD.</summary>
    public string PriceConditionType { get; set; } = "PPR0";

    /// <summary>Item category of gift lines (customizing); TANN is the standard free-goods category.</summary>
    public string FreeGoodsItemCategory { get; set; } = "TANN";

    public string Currency { get; set; } = "CNY";

    /// <summary>Text ID (customizing) of the header text carrying the order's note: freight and discounts by who bears them.</summary>
    public string HeaderTextId { get; set; } = "0002";

    /// <summary>Language of that header text.</summary>
    public string TextLanguage { get; set; } = "ZH";

    /// <summary>The reason for rejection set on every item when an order is reversed (customizing, table TVAG).</summary>
    public string RejectionReason { get; set; } = ServerlessSync.Domain.Erp.Sap.SapSalesOrderRejection.DefaultRejectionReason;

    /// <summary>Profile customer number → SAP sold-to party; unlisted numbers are sent unchanged.</summary>
    public Dictionary<string, string> SoldToParties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Profile unit → SAP unit of measure (e.g. Pcs → PC); unlisted units are sent unchanged.</summary>
    public Dictionary<string, string> Units { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Materials per stock request (they go into one <c>$filter</c>, so into the URL).</summary>
    [Range(1, 100)]
    public int StockQueryBatchSize { get; set; } = 20;

    /// <summary>Outbound deliveries asked for per page (<c>$top</c>) when reading shipments.</summary>
    [Range(1, 5000)]
    public int ShipmentPageSize { get; set; } = 100;

    public SapSalesOrderSettings ToSettings() => new()
    {
        SalesOrderType = SalesOrderType,
        SalesOrganization = SalesOrganization,
        DistributionChannel = DistributionChannel,
        OrganizationDivision = OrganizationDivision,
        Plant = Plant,
        StorageLocation = StorageLocation,
        PriceConditionType = PriceConditionType,
        FreeGoodsItemCategory = FreeGoodsItemCategory,
        Currency = Currency,
        HeaderTextId = HeaderTextId,
        TextLanguage = TextLanguage,
        SoldToParties = new Dictionary<string, string>(SoldToParties, StringComparer.Ordinal),
        Units = new Dictionary<string, string>(Units, StringComparer.Ordinal),
    };

    /// <inheritdoc />
    public override IEnumerable<(string Key, string? Value)> RequiredSecrets => [(nameof(Password), Password)];
}

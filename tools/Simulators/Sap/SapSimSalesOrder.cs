namespace ServerlessSync.Simulators.Sap;

/// <summary>An A_SalesOrder as the simulator stores it.</summary>
public sealed record SapSimSalesOrder
{
    public required string SalesOrder { get; init; }

    public required string SalesOrderType { get; init; }

    public required string SalesOrganization { get; init; }

    public required string DistributionChannel { get; init; }

    public required string OrganizationDivision { get; init; }

    public required string SoldToParty { get; init; }

    public required string PurchaseOrderByCustomer { get; init; }

    /// <summary>Edm.DateTime as sent, e.g. <c>/Date(1718668800000)/</c>.</summary>
    public required string SalesOrderDate { get; init; }

    public required string TransactionCurrency { get; init; }

    /// <summary>A: not yet processed (no delivery yet).</summary>
    public string OverallSDProcessStatus { get; init; } = "A";

    public required IReadOnlyList<SapSimSalesOrderItem> Items { get; init; }

    /// <summary>Header texts (<c>to_Text</c>): the note with the freight and the discounts by who bears them.</summary>
    public IReadOnlyList<string> HeaderTexts { get; init; } = [];

    /// <summary>OverallSDDocumentRejectionSts: A nothing rejected, B some items rejected, C all items rejected (the order is reversed).</summary>
    public string OverallSDDocumentRejectionSts =>
        Items.Count > 0 && Items.All(i => i.SalesDocumentRjcnReason.Length > 0) ? "C" : Items.Any(i => i.SalesDocumentRjcnReason.Length > 0) ? "B" : "A";

    public decimal TotalNetAmount => Items.Sum(i => i.NetAmount);

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The scalar properties as OData exposes them, for $filter and $select.</summary>
    public IReadOnlyDictionary<string, string> Properties() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SalesOrder"] = SalesOrder,
        ["SalesOrderType"] = SalesOrderType,
        ["SalesOrganization"] = SalesOrganization,
        ["DistributionChannel"] = DistributionChannel,
        ["OrganizationDivision"] = OrganizationDivision,
        ["SoldToParty"] = SoldToParty,
        ["PurchaseOrderByCustomer"] = PurchaseOrderByCustomer,
        ["SalesOrderDate"] = SalesOrderDate,
        ["TotalNetAmount"] = SapSimJson.Decimal(TotalNetAmount, 2),
        ["TransactionCurrency"] = TransactionCurrency,
        ["OverallSDProcessStatus"] = OverallSDProcessStatus,
        ["OverallSDDocumentRejectionSts"] = OverallSDDocumentRejectionSts,
    };
}

public sealed record SapSimSalesOrderItem
{
    public required string SalesOrderItem { get; init; }

    public required string Material { get; init; }

    public required decimal RequestedQuantity { get; init; }

    public required string RequestedQuantityUnit { get; init; }

    /// <summary>TAN unless the request named one; a free-goods category prices the item at zero.</summary>
    public required string SalesOrderItemCategory { get; init; }

    public required string Plant { get; init; }

    public string StorageLocation { get; init; } = "";

    public required IReadOnlyList<SapSimPricingElement> PricingElements { get; init; }

    /// <summary>Reason for rejection; empty while the item is open.</summary>
    public string SalesDocumentRjcnReason { get; init; } = "";

    /// <summary>Σ rate × quantity / condition quantity over the price conditions, in the order currency, to 2 places.</summary>
    public required decimal NetAmount { get; init; }

    public IReadOnlyDictionary<string, string> Properties() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SalesOrderItem"] = SalesOrderItem,
        ["Material"] = Material,
        ["RequestedQuantity"] = SapSimJson.Decimal(RequestedQuantity, 3),
        ["RequestedQuantityUnit"] = RequestedQuantityUnit,
        ["SalesOrderItemCategory"] = SalesOrderItemCategory,
        ["Plant"] = Plant,
        ["StorageLocation"] = StorageLocation,
        ["NetAmount"] = SapSimJson.Decimal(NetAmount, 2),
        ["SalesDocumentRjcnReason"] = SalesDocumentRjcnReason,
    };
}

public sealed record SapSimPricingElement(string ConditionType, decimal ConditionRateValue, string ConditionCurrency, decimal ConditionQuantity, string ConditionQuantityUnit);

namespace ServerlessSync.Domain.Erp;

/// <summary>
/// An ERP-neutral sales-order document: what Plan produces from an order and a mapping profile and
/// what each ERP request builder turns into its own wire format.
/// </summary>
public sealed record ErpSalesOrder
{
    /// <summary>The platform order number as the ERP stores it; the key for lookup-before-create.</summary>
    public required string ExternalOrderNo { get; init; }

    public required string Platform { get; init; }

    public required string ShopId { get; init; }

    public required string CustomerNumber { get; init; }

    public required string SalesOrgNumber { get; init; }

    public string? SalesmanNumber { get; init; }

    public required DateTimeOffset OrderDate { get; init; }

    public string CurrencyNumber { get; init; } = "PRE001";

    /// <summary>
    /// The receivable: what the buyer paid, freight included, in fen. Equals the sum of the lines' amounts (the freight
    /// is a charge line or spread over the goods lines, as the mapping profile says).
    /// </summary>
    public required long TotalAmountFen { get; init; }

    /// <summary>The freight the buyer paid, in fen: the freight line's amount, or the part of the lines' amounts allocated to it.</summary>
    public long FreightFen { get; init; }

    /// <summary>Discounts the merchant bears, in fen (already deducted from the lines).</summary>
    public long MerchantDiscountFen { get; init; }

    /// <summary>Discounts the platform bears, in fen: not paid by the buyer, settled to the merchant by the platform later.</summary>
    public long PlatformSubsidyFen { get; init; }

    public string Note { get; init; } = "";

    public required IReadOnlyList<ErpSalesOrderLine> Lines { get; init; }

    /// <summary>Marketing tags written to the ERP's custom fields (anchor, live room, channel).</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
}

public sealed record ErpSalesOrderLine
{
    public required string MaterialNumber { get; init; }

    public required string UnitNumber { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Line amount including tax, in fen. Zero for gifts.</summary>
    public required long AmountFen { get; init; }

    public required bool IsGift { get; init; }

    /// <summary>The freight charge line (<see cref="Mapping.FreightMode.ChargeLine"/>), not goods.</summary>
    public bool IsFreight { get; init; }

    public required string WarehouseNumber { get; init; }

    /// <summary>VAT rate in percent, e.g. 13.</summary>
    public decimal TaxRatePercent { get; init; } = 13m;

    /// <summary>The platform line this ERP line came from.</summary>
    public string PlatformLineId { get; init; } = "";
}

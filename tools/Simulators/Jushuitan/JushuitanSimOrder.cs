namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>An order as the simulator stores it, keyed by (shop_id, so_id).</summary>
public sealed record JushuitanSimOrder
{
    public required long OId { get; init; }

    public required string SoId { get; init; }

    public required string ShopId { get; init; }

    /// <summary>The ERP status: WaitConfirm (paid, 待审核) when the pay node covers pay_amount, else WaitPay.</summary>
    public required string Status { get; init; }

    public required string ShopStatus { get; init; }

    public required string OrderDate { get; init; }

    public required decimal PayAmount { get; init; }

    public required decimal Freight { get; init; }

    public required decimal PaidAmount { get; init; }

    public string ShopBuyerId { get; init; } = "";

    public string Remark { get; init; } = "";

    public required IReadOnlyList<JushuitanSimItem> Items { get; init; }

    public required DateTimeOffset Modified { get; init; }
}

public sealed record JushuitanSimItem(
    string SkuId, string ShopSkuId, decimal Qty, decimal Amount, decimal Price, decimal BasePrice, string Name, string OuterOiId, bool IsGift);

/// <summary>One SKU's inventory: available = Qty − OrderLock − PickLock.</summary>
public sealed record JushuitanSimStock(decimal Qty, decimal OrderLock, decimal PickLock);

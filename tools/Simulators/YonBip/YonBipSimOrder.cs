namespace ServerlessSync.Simulators.YonBip;

/// <summary>A sd/voucherorder sales order as the simulator stores it.</summary>
public sealed record YonBipSimOrder
{
    public required long Id { get; init; }

    public required string Code { get; init; }

    /// <summary>verifystate: 0 开立 after singleSave, 1 审批中 after batchsubmit, 2 已审核 after batchaudit.</summary>
    public required int VerifyState { get; init; }

    /// <summary>The platform order number from the configured header define ("" when absent).</summary>
    public required string ExternalOrderNo { get; init; }

    public required string ResubmitCheckKey { get; init; }

    public required string SalesOrgId { get; init; }

    public required string TransactionTypeId { get; init; }

    public required string AgentId { get; init; }

    public required string VouchDate { get; init; }

    public required decimal PayMoney { get; init; }

    public required string Currency { get; init; }

    public string Memo { get; init; } = "";

    public required IReadOnlyDictionary<string, string> HeadItem { get; init; }

    public required IReadOnlyList<YonBipSimOrderLine> Lines { get; init; }

    public required DateTimeOffset SavedAt { get; init; }

    public string NextStatus => VerifyState switch
    {
        1 => "APPROVING",
        2 => "CONFIRMORDER",
        _ => "",
    };
}

public sealed record YonBipSimOrderLine(
    string ProductCode,
    string UnitId,
    decimal Qty,
    decimal OriTaxUnitPrice,
    decimal OriSum,
    decimal OriMoney,
    decimal OriTax,
    string OrderProductType,
    string TaxId,
    string? StockId);

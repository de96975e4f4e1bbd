namespace ServerlessSync.Simulators.Kingdee;

/// <summary>A SAL_SaleOrder bill as the simulator stores it.</summary>
public sealed record KingdeeSimBill
{
    public required long Id { get; init; }

    public required string BillNo { get; init; }

    public required string NetOrderBillNo { get; init; }

    /// <summary>FDocumentStatus: A after Save, B after Submit, C after Audit.</summary>
    public required string Status { get; init; }

    public required string CustomerNumber { get; init; }

    public required string SaleOrgNumber { get; init; }

    public string? SalerNumber { get; init; }

    public required string Date { get; init; }

    public string Note { get; init; } = "";

    public required string CurrencyNumber { get; init; }

    public required IReadOnlyDictionary<string, string> CustomFields { get; init; }

    public required IReadOnlyList<KingdeeSimBillLine> Lines { get; init; }

    /// <summary>Sum of the lines' 价税合计 in yuan.</summary>
    public decimal TotalAmount => Lines.Sum(l => l.AllAmount);

    public required DateTimeOffset SavedAt { get; init; }
}

public sealed record KingdeeSimBillLine(
    string MaterialNumber,
    string UnitNumber,
    decimal Quantity,
    decimal TaxPrice,
    decimal AllAmount,
    decimal TaxRate,
    bool IsFree,
    string? WarehouseNumber);

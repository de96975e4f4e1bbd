namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Looking up SAL_SaleOrder bills by the platform order number stored in <c>FNetOrderBillNo</c>.</summary>
public static class KingdeeSaleOrderQueries
{
    public const string ExternalOrderNoField = "FNetOrderBillNo";

    /// <summary>价税合计 of the bill: the receivable reconciliation compares with what the buyer paid.</summary>
    public const string TotalAmountField = "FBillAllAmount";

    /// <summary>Bill id, number, status and the platform order number it carries, so every answer can be checked against what was asked; then its total.</summary>
    public static readonly IReadOnlyList<string> RefFieldKeys = ["FID", "FBillNo", "FDocumentStatus", ExternalOrderNoField, TotalAmountField];

    /// <summary>A row without the total still identifies the bill; reconciliation then has no amount to compare.</summary>
    private const int RequiredCells = 4;

    public static KingdeeBillQuery ByExternalOrderNo(string externalOrderNo) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.Equal(ExternalOrderNoField, externalOrderNo));

    /// <summary>One look-up for several platform orders: <c>FNetOrderBillNo in ('a','b',...)</c>, quotes escaped.</summary>
    public static KingdeeBillQuery ByExternalOrderNos(IEnumerable<string> externalOrderNos) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.In(ExternalOrderNoField, externalOrderNos.Distinct(StringComparer.Ordinal)));

    /// <summary>The bill with this FBillNo, to read its current status (and platform number) before reversing it.</summary>
    public static KingdeeBillQuery ByBillNo(string billNo) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.Equal("FBillNo", billNo));

    /// <summary>Rows in <see cref="RefFieldKeys"/> order → distinct bills (a header query may repeat a bill per entry).</summary>
    public static IReadOnlyList<ErpOrderRef> ParseRefs(KingdeeQueryResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ParseRefs(response.Rows);
    }

    /// <summary>Rows in <see cref="RefFieldKeys"/> order → distinct bills, each with the platform order number its row carries.</summary>
    public static IReadOnlyList<ErpOrderRef> ParseRefs(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var refs = new List<ErpOrderRef>();
        foreach (var row in rows)
        {
            if (row.Count < RequiredCells)
            {
                throw new ErpProtocolException($"Kingdee bill query row has {row.Count} cells, expected {RefFieldKeys.Count}.");
            }

            var number = row[1] ?? "";
            if (number.Length == 0 || refs.Any(r => r.Number == number))
            {
                continue;
            }

            refs.Add(new ErpOrderRef(number, row[0] ?? "", row[2] ?? "", row[3], ErpAmount.FenFromYuan(row.Count > 4 ? row[4] : null, $"Kingdee {TotalAmountField} of {number}")));
        }

        return refs;
    }

    /// <summary>The bill to treat as "the" order when several carry the same platform number: the most advanced one.</summary>
    public static ErpOrderRef? PickExisting(IReadOnlyList<ErpOrderRef> refs) =>
        refs.OrderByDescending(r => KingdeeDocumentStatus.Progress(r.DocumentStatus)).FirstOrDefault();
}

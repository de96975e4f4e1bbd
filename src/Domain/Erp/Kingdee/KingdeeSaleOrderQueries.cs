namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Looking up SAL_SaleOrder bills by the platform order number stored in <c>FNetOrderBillNo</c>.</summary>
public static class KingdeeSaleOrderQueries
{
    public const string ExternalOrderNoField = "FNetOrderBillNo";

    public static readonly IReadOnlyList<string> RefFieldKeys = ["FID", "FBillNo", "FDocumentStatus"];

    public static KingdeeBillQuery ByExternalOrderNo(string externalOrderNo) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.Equal(ExternalOrderNoField, externalOrderNo));

    /// <summary>The bill with this FBillNo, to read its current status before reversing it.</summary>
    public static KingdeeBillQuery ByBillNo(string billNo) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.Equal("FBillNo", billNo));

    /// <summary>Rows in <see cref="RefFieldKeys"/> order → distinct bills (a header query may repeat a bill per entry).</summary>
    public static IReadOnlyList<ErpOrderRef> ParseRefs(KingdeeQueryResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var refs = new List<ErpOrderRef>();
        foreach (var row in response.Rows)
        {
            if (row.Count < RefFieldKeys.Count)
            {
                throw new ErpProtocolException($"Kingdee bill query row has {row.Count} cells, expected {RefFieldKeys.Count}.");
            }

            var id = row[0] ?? "";
            var number = row[1] ?? "";
            if (number.Length == 0 || refs.Any(r => r.Number == number))
            {
                continue;
            }

            refs.Add(new ErpOrderRef(number, id, row[2] ?? ""));
        }

        return refs;
    }

    /// <summary>The bill to treat as "the" order when several carry the same platform number: the most advanced one.</summary>
    public static ErpOrderRef? PickExisting(IReadOnlyList<ErpOrderRef> refs) =>
        refs.OrderByDescending(r => KingdeeDocumentStatus.Progress(r.DocumentStatus)).FirstOrDefault();
}

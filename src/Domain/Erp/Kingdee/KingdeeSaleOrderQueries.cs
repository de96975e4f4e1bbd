namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Looking up SAL_SaleOrder bills by the platform order number stored in <c>FNetOrderBillNo</c>.</summary>
public static class KingdeeSaleOrderQueries
{
    public const string ExternalOrderNoField = "FNetOrderBillNo";

    public static readonly IReadOnlyList<string> RefFieldKeys = ["FID", "FBillNo", "FDocumentStatus"];

    public static KingdeeBillQuery ByExternalOrderNo(string externalOrderNo) =>
        new(KingdeeFormIds.SaleOrder, RefFieldKeys, KingdeeFilter.Equal(ExternalOrderNoField, externalOrderNo));

    /// <summary><see cref="RefFieldKeys"/> plus the platform order number, so rows of a many-order look-up can be told apart.</summary>
    public static readonly IReadOnlyList<string> RefWithExternalNoFieldKeys = [.. RefFieldKeys, ExternalOrderNoField];

    /// <summary>One look-up for several platform orders: <c>FNetOrderBillNo in ('a','b',...)</c>, quotes escaped.</summary>
    public static KingdeeBillQuery ByExternalOrderNos(IEnumerable<string> externalOrderNos) =>
        new(KingdeeFormIds.SaleOrder, RefWithExternalNoFieldKeys, KingdeeFilter.In(ExternalOrderNoField, externalOrderNos.Distinct(StringComparer.Ordinal)));

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

    /// <summary>
    /// Rows in <see cref="RefWithExternalNoFieldKeys"/> order → the distinct bills of each platform order number. Platform
    /// orders without a bill are absent.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ErpOrderRef>> ParseRefsByExternalOrderNo(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byExternalNo = new Dictionary<string, List<ErpOrderRef>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Count < RefWithExternalNoFieldKeys.Count)
            {
                throw new ErpProtocolException($"Kingdee bill query row has {row.Count} cells, expected {RefWithExternalNoFieldKeys.Count}.");
            }

            var number = row[1] ?? "";
            var externalNo = row[3] ?? "";
            if (number.Length == 0 || externalNo.Length == 0)
            {
                continue;
            }

            if (!byExternalNo.TryGetValue(externalNo, out var refs))
            {
                byExternalNo[externalNo] = refs = [];
            }

            if (!refs.Any(r => r.Number == number))
            {
                refs.Add(new ErpOrderRef(number, row[0] ?? "", row[2] ?? ""));
            }
        }

        return byExternalNo.ToDictionary(p => p.Key, p => (IReadOnlyList<ErpOrderRef>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The bill to treat as "the" order when several carry the same platform number: the most advanced one.</summary>
    public static ErpOrderRef? PickExisting(IReadOnlyList<ErpOrderRef> refs) =>
        refs.OrderByDescending(r => KingdeeDocumentStatus.Progress(r.DocumentStatus)).FirstOrDefault();
}

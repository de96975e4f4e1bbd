using System.Globalization;
using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.Kingdee.KingdeeSimAnswers;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>ExecuteBillQuery over SAL_SaleOrder bills, STK_Inventory rows, SAL_OUTSTOCK entries and BD_MATERIAL: a bare 2-D array in FieldKeys order.</summary>
public static class KingdeeSimQuery
{
    public const string Inventory = "STK_Inventory";
    public const string Material = "BD_MATERIAL";

    private sealed record StockRow(string Material, string Warehouse, decimal Quantity);

    private static readonly Dictionary<string, Func<KingdeeSimBill, object?>> BillFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FID"] = b => b.Id,
        ["FBillNo"] = b => b.BillNo,
        ["FDocumentStatus"] = b => b.Status,
        ["FNetOrderBillNo"] = b => b.NetOrderBillNo,
        ["FDate"] = b => b.Date,
        ["FNote"] = b => b.Note,
        ["FCustId.FNumber"] = b => b.CustomerNumber,
        ["FSaleOrgId.FNumber"] = b => b.SaleOrgNumber,
        ["FSalerId.FNumber"] = b => b.SalerNumber,
        ["FBillAllAmount"] = b => b.TotalAmount,
    };

    private static readonly Dictionary<string, Func<StockRow, object?>> StockFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FMaterialId.FNumber"] = s => s.Material,
        ["FMaterialId.FName"] = s => DemoCatalog.Products.FirstOrDefault(p => p.MaterialNumber == s.Material)?.Title ?? s.Material,
        ["FStockId.FNumber"] = s => s.Warehouse,
        ["FStockOrgId.FNumber"] = _ => DemoCatalog.SalesOrgNumber,
        ["FBaseQty"] = s => s.Quantity,
        ["FQty"] = s => s.Quantity,
        ["FBaseAvbQty"] = s => s.Quantity,
        ["FAvbQty"] = s => s.Quantity,
        ["FBaseLockQty"] = _ => 0m,
    };

    private static readonly Dictionary<string, Func<DemoCatalog.ErpMaterialRecord, object?>> MaterialFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FMaterialId"] = m => m.Number,
        ["FNumber"] = m => m.Number,
        ["FName"] = m => m.Name,
        ["FSpecification"] = m => m.Specification,
        ["FBaseUnitId.FNumber"] = m => m.Unit,
    };

    public static JsonNode Execute(KingdeeSimulatorState state, KingdeeSimRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        return request.FormId switch
        {
            KingdeeSimWrites.SaleOrder => Run(request.Data, state.Store.Bills(), BillFields, state.Options.OrderLookupIgnoresFilter),
            KingdeeSimOutStockQuery.FormId => KingdeeSimOutStockQuery.Run(state, request.Data),
            Inventory => Run(request.Data, state.Store.StockRows().Select(r => new StockRow(r.Material, r.Warehouse, r.Quantity)).ToList(), StockFields, ignoreFilter: false),
            Material => Run(request.Data, DemoCatalog.MaterialMaster.OrderBy(m => m.Number, StringComparer.Ordinal).ToList(), MaterialFields, ignoreFilter: false),
            _ => QueryFailure(4, [new Error("FormId", $"业务对象 {request.FormId} 不存在")]),
        };
    }

    internal static JsonNode Run<T>(JsonObject? data, IReadOnlyList<T> source, Dictionary<string, Func<T, object?>> fields, bool ignoreFilter)
    {
        var keys = (KingdeeSimJson.Text(data, "FieldKeys") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keys.Length == 0)
        {
            return QueryFailure(ParameterError, [new Error("FieldKeys", "FieldKeys 不能为空")]);
        }

        var unknown = keys.FirstOrDefault(k => !fields.ContainsKey(k));
        if (unknown is not null)
        {
            return QueryFailure(FieldNotFound, [new Error(unknown, $"字段 {unknown} 不存在")]);
        }

        var filter = KingdeeSimFilter.Parse(KingdeeSimJson.Get(data, "FilterString"));
        if (filter is null || filter.Clauses.Any(c => !fields.ContainsKey(c.Field)))
        {
            return QueryFailure(ParameterError, [new Error("FilterString", "过滤条件不合法")]);
        }

        var startRow = (int)Math.Max(0, KingdeeSimJson.Long(data, "StartRow") ?? 0);
        var limit = (int)(KingdeeSimJson.Long(data, "Limit") ?? 0);
        var top = (int)(KingdeeSimJson.Long(data, "TopRowCount") ?? 0);
        IEnumerable<T> rows = source.Where(item => ignoreFilter || filter.Matches(f => Format(fields[f](item))));
        if (top > 0)
        {
            rows = rows.Take(top);
        }

        rows = rows.Skip(startRow);
        if (limit > 0)
        {
            rows = rows.Take(limit);
        }

        return new JsonArray(rows.Select(item => (JsonNode?)new JsonArray(keys.Select(k => ToNode(fields[k](item))).ToArray())).ToArray());
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        long n => JsonValue.Create(n),
        decimal d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(Format(value)),
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.YonBip.YonBipSimAnswers;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>voucherorder/list, voucherorder/detail and QueryCurrentStocksByCondition over the simulator's store.</summary>
public static class YonBipSimQueries
{
    private static readonly string[] Ops = ["eq", "neq", "like"];

    /// <summary>
    /// <c>simpleVOs</c> conditions (eq/neq/like) on <c>code</c>, <c>id</c>, <c>verifystate</c>, <c>agentId</c> and header
    /// defines written <c>headItem.defineN</c> (our reading of the undocumented custom-field syntax); also the top-level
    /// <c>code</c>. Paged by pageIndex/pageSize; answers <c>data.recordList</c>.
    /// </summary>
    public static JsonNode List(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var conditions = new List<(string Field, string Op, string Value)>();
        if (YonBipSimJson.Text(body, "code") is { Length: > 0 } code)
        {
            conditions.Add(("code", "eq", code));
        }

        foreach (var vo in body?["simpleVOs"] as JsonArray ?? [])
        {
            var field = YonBipSimJson.Text(vo as JsonObject, "field");
            var op = YonBipSimJson.Text(vo as JsonObject, "op") ?? "eq";
            var value = YonBipSimJson.Text(vo as JsonObject, "value1");
            if (field is null || value is null || FieldOf(field) is null || !Ops.Contains(op))
            {
                return Error(BusinessError, $"查询条件不合法：{vo?.ToJsonString()}");
            }

            conditions.Add((field, op, value));
        }

        var pageIndex = Math.Max(1, YonBipSimJson.Int(body, "pageIndex") ?? 1);
        var pageSize = Math.Clamp(YonBipSimJson.Int(body, "pageSize") ?? 10, 1, 500);
        var matches = state.Store.Orders()
            .Where(o => state.Options.OrderLookupIgnoresFilter || conditions.All(c => Matches(FieldOf(c.Field)!(o), c.Op, c.Value)))
            .OrderBy(o => o.Id)
            .ToList();
        return Ok(new JsonObject
        {
            ["pageIndex"] = pageIndex,
            ["pageSize"] = pageSize,
            ["recordCount"] = matches.Count,
            ["pageCount"] = (matches.Count + pageSize - 1) / pageSize,
            ["recordList"] = new JsonArray(matches.Skip((pageIndex - 1) * pageSize).Take(pageSize).Select(o => (JsonNode?)Record(o)).ToArray()),
        });
    }

    public static JsonNode Detail(YonBipSimulatorState state, string? id)
    {
        ArgumentNullException.ThrowIfNull(state);
        var order = YonBipSimJson.Long(id) is { } n ? state.Store.Find(n, null) : null;
        return order is null ? Error(BusinessError, $"单据[{id}]不存在") : Ok(YonBipSimAnswers.Detail(order));
    }

    /// <summary>Rows per org × warehouse × batch as a bare array; <c>product</c> matches a product id or code.</summary>
    public static JsonNode CurrentStock(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var product = YonBipSimJson.Text(body, "product");
        var warehouse = YonBipSimJson.Text(body, "warehouse");
        var org = YonBipSimJson.Text(body, "org");
        var rows = state.Store.StockRows()
            .Where(r => product is null || r.Product == product || r.ProductId.ToString(CultureInfo.InvariantCulture) == product)
            .Where(r => warehouse is null || r.Warehouse == warehouse)
            .Where(_ => org is null || org == state.Options.StockOrg)
            .Select(r => (JsonNode?)new JsonObject
            {
                ["org"] = state.Options.StockOrg,
                ["warehouse"] = r.Warehouse,
                ["product"] = r.ProductId,
                ["productCode"] = r.Product,
                ["batchno"] = null,
                ["producedate"] = null,
                ["invaliddate"] = null,
                ["currentqty"] = r.Quantity,
                ["availableqty"] = r.Quantity,
            });
        return Ok(new JsonArray(rows.ToArray()));
    }

    /// <summary>物料档案列表查询 over the demo material master; <c>name</c> and <c>code</c> match part of the value.</summary>
    public static JsonNode ProductList(JsonObject? body)
    {
        var name = YonBipSimJson.Text(body, "name");
        var code = YonBipSimJson.Text(body, "code");
        var pageIndex = (int)Math.Max(1, YonBipSimJson.Int(body, "pageIndex") ?? 1);
        var pageSize = (int)Math.Clamp(YonBipSimJson.Int(body, "pageSize") ?? 10, 1, 500);
        var matching = DemoCatalog.MaterialMaster
            .Where(m => (name is null || m.Name.Contains(name, StringComparison.Ordinal)) && (code is null || m.Number.Contains(code, StringComparison.Ordinal)))
            .OrderBy(m => m.Number, StringComparer.Ordinal)
            .ToList();
        var records = matching.Skip((pageIndex - 1) * pageSize).Take(pageSize).Select(m => (JsonNode?)new JsonObject
        {
            ["id"] = 1_900_000 + DemoCatalog.MaterialMaster.ToList().IndexOf(m),
            ["code"] = m.Number,
            ["name"] = m.Name,
            ["unit_Code"] = "PCS",
            ["modelDescription"] = m.Specification,
        });
        return Ok(new JsonObject { ["pageIndex"] = pageIndex, ["pageSize"] = pageSize, ["recordCount"] = matching.Count, ["recordList"] = new JsonArray(records.ToArray()) });
    }

    private static Func<YonBipSimOrder, string>? FieldOf(string field) => field switch
    {
        "code" => o => o.Code,
        "id" => o => o.Id.ToString(CultureInfo.InvariantCulture),
        "verifystate" => o => o.VerifyState.ToString(CultureInfo.InvariantCulture),
        "agentId" => o => o.AgentId,
        _ when field.StartsWith("headItem.define", StringComparison.Ordinal) => o => o.HeadItem.GetValueOrDefault(field["headItem.".Length..], ""),
        _ => null,
    };

    private static bool Matches(string actual, string op, string value) => op switch
    {
        "eq" => actual == value,
        "neq" => actual != value,
        _ => actual.Contains(value, StringComparison.Ordinal),
    };
}

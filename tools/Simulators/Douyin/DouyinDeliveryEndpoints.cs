using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// 抖店 delivery (loop.md §2.1, DD): <c>/order/logisticsAdd</c> ships the whole order (<c>order_id</c>, <c>company_code</c>,
/// <c>logistics_code</c> required); <c>/order/logisticsAddMultiPack</c> ships sku orders per pack (<c>order_id</c>,
/// <c>pack_list[]</c> {<c>shipped_order_info[]</c> {<c>shipped_order_id</c>, <c>shipped_num</c>}, <c>logistics_code</c>,
/// <c>company_code</c>}) and, given <c>request_id</c>, answers a repeat with the first answer without shipping again. The
/// gateway checks come first; the parcel then shows in the order detail's <c>logistics_info</c>.
/// </summary>
/// <remarks>
/// The error codes for an unknown carrier, an already-shipped order or too many units are not documented (loop.md §2.1 U);
/// the simulator answers them within the documented envelope: 40003 for bad parameters, 50002 for refusals.
/// </remarks>
public static class DouyinDeliveryEndpoints
{
    public const string LogisticsAddPath = "/order/logisticsAdd";
    public const string MultiPackPath = "/order/logisticsAddMultiPack";

    /// <summary>The carrier codes the simulated <c>/order/logisticsCompanyList</c> would list.</summary>
    public static readonly IReadOnlyDictionary<string, string> Companies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["shunfeng"] = "顺丰速运",
        ["zhongtong"] = "中通快递",
        ["yuantong"] = "圆通速递",
        ["yunda"] = "韵达快递",
        ["shentong"] = "申通快递",
        ["jtexpress"] = "极兔速递",
        ["ems"] = "EMS",
        ["jd"] = "京东物流",
    };

    public static string CompanyName(string code) => Companies.GetValueOrDefault(code, code);

    public static async Task<IResult> LogisticsAddAsync(
        HttpContext http, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (param, refusal) = await ReadAsync(http, LogisticsAddPath, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var flat = param!;
        if (flat.Any(p => p.Value?.GetValueKind() is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)))
        {
            return Invalid("isv.parameter-format-invalid", "业务参数json解析失败，参数类型错误");
        }

        var orderId = Text(flat, "order_id");
        var company = Text(flat, "company_code");
        var waybill = Text(flat, "logistics_code");
        if (orderId is null || company is null || waybill is null)
        {
            return Missing("缺少参数 order_id/company_code/logistics_code");
        }

        return Companies.ContainsKey(company) ? Answer(store.Ship(orderId, company, waybill, null).Refusal, new JsonObject()) : UnknownCompany(company);
    }

    public static async Task<IResult> LogisticsAddMultiPackAsync(
        HttpContext http, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (param, refusal) = await ReadAsync(http, MultiPackPath, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var orderId = Text(param!, "order_id");
        if (orderId is null || param!["pack_list"] is not JsonArray { Count: > 0 } packs)
        {
            return Missing("缺少参数 order_id/pack_list");
        }

        var requestId = Text(param, "request_id");
        if (requestId is not null && store.MultiPackAnswers.TryGetValue($"{orderId}|{requestId}", out var earlier))
        {
            return DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(JsonNode.Parse(earlier)!));
        }

        var shipped = new JsonArray();
        foreach (var pack in packs.OfType<JsonObject>())
        {
            var company = Text(pack, "company_code");
            var waybill = Text(pack, "logistics_code");
            var items = (pack["shipped_order_info"] as JsonArray)?.OfType<JsonObject>()
                .Select(i => new DouyinSimParcelItem(Text(i, "shipped_order_id") ?? "", i["shipped_num"]?.GetValueKind() == JsonValueKind.Number ? i["shipped_num"]!.GetValue<int>() : 0))
                .ToList();
            if (company is null || waybill is null || items is not { Count: > 0 })
            {
                return Missing("pack_list 中缺少 shipped_order_info/logistics_code/company_code");
            }

            if (!Companies.ContainsKey(company))
            {
                return UnknownCompany(company);
            }

            var (_, why) = store.Ship(orderId, company, waybill, items);
            if (why is not null)
            {
                return Answer(why, new JsonObject());
            }

            shipped.Add(new JsonObject
            {
                ["shipped_order_info"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject { ["shipped_order_id"] = i.SkuOrderId, ["shipped_num"] = i.Num }).ToArray()),
                ["logistics_code"] = waybill,
            });
        }

        var data = new JsonObject { ["pack_list"] = shipped };
        if (requestId is not null)
        {
            store.MultiPackAnswers[$"{orderId}|{requestId}"] = data.ToJsonString();
        }

        return Answer(null, data);
    }

    private static async Task<(JsonObject? Param, IResult? Refusal)> ReadAsync(
        HttpContext http, string path, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (body, refusal) = await DouyinOpenApiEndpoints.AdmitAsync(http, path, options, faults, time.GetUtcNow());
        if (refusal is not null)
        {
            return (null, refusal);
        }

        try
        {
            return JsonNode.Parse(body!) is JsonObject param ? (param, null) : (null, Invalid("isv.parameter-format-invalid", "业务参数json解析失败"));
        }
        catch (JsonException)
        {
            return (null, Invalid("isv.parameter-format-invalid", "业务参数json解析失败"));
        }
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static IResult Answer(string? refusal, JsonObject data) => refusal is null
        ? DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(data))
        : DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.BusinessFailed, "业务处理失败", "isv.business-failed:" + refusal, refusal);

    private static IResult Missing(string subMsg) =>
        DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", subMsg);

    private static IResult UnknownCompany(string code) => Invalid("isv.parameter-invalid", $"物流公司编码 {code} 不存在");

    private static IResult Invalid(string subCode, string subMsg) =>
        DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", subCode, subMsg);
}

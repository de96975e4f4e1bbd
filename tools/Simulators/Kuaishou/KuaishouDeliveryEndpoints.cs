using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static ServerlessSync.Simulators.Kuaishou.KuaishouOpenApiEndpoints;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// 快手 delivery (loop.md §2.2, KS): <c>open.seller.order.goods.deliver</c> ships the whole order (<c>orderId</c> number,
/// <c>expressNo</c>, <c>expressCode</c> number, all required); <c>open.order.goods.split.deliver</c> ships parts
/// (<c>mainOrderId</c>, <c>deliveryItemInfoList[]</c> {<c>deliveryGoodsInfoList[]</c> {<c>oid</c>: the main or a gift order id,
/// <c>deliveryNum</c>: at least 1 and at most what is left}, <c>expressCode</c>, <c>expressNo</c>}). The gateway checks come
/// first; the parcel then shows in the order detail's <c>orderLogisticsInfo</c>.
/// </summary>
/// <remarks>
/// <see cref="ExpressCodes"/> holds the main carriers of 快手's documented table 物流公司编号 (expressCode, 发货物流公司编码; doc page
/// pageSign 3d4aa40abaab83c4a5f5839f6848dcb71614264033704, docs/platform-writeback.md); any other code is refused as unknown.
/// The codes for an already-shipped order or too many units are not documented; the simulator refuses them with the
/// business-failure result within the documented envelope.
/// </remarks>
public static class KuaishouDeliveryEndpoints
{
    public static readonly IReadOnlyDictionary<long, string> ExpressCodes = new Dictionary<long, string>
    {
        [2] = "EMS", [3] = "申通快递", [4] = "顺丰速运", [6] = "圆通速递", [8] = "邮政快递包裹", [9] = "中通快递", [10] = "宅急送",
        [11] = "韵达快递", [14] = "京东", [53] = "德邦快递", [86] = "顺心捷达", [109] = "极兔速递", [113] = "菜鸟速递", [9999] = "其他",
    };

    public static async Task<IResult> GoodsDeliverAsync(
        HttpContext http, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.GoodsDeliver, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var param = call!.Param;
        var problem = IsNumber(param, "orderId") ? Carrier(param) : "orderId不能为空且须为数字";
        return problem is not null
            ? Envelope(KuaishouOpenApiEnvelope.ParameterInvalid(problem))
            : Ship(store, call.SellerId, Long(param, "orderId")!.Value, param, null)!;
    }

    public static async Task<IResult> SplitDeliverAsync(
        HttpContext http, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.SplitDeliver, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var param = call!.Param;
        if (!IsNumber(param, "mainOrderId") || param["deliveryItemInfoList"] is not JsonArray { Count: > 0 } packages)
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("mainOrderId和deliveryItemInfoList不能为空"));
        }

        foreach (var package in packages)
        {
            if (package is not JsonObject pack || Carrier(pack) is { } problem)
            {
                return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("deliveryItemInfoList须含expressCode和expressNo"));
            }

            var items = (pack["deliveryGoodsInfoList"] as JsonArray)?.OfType<JsonObject>()
                .Select(g => IsNumber(g, "oid") && IsNumber(g, "deliveryNum") ? new KuaishouSimParcelItem(Text(g, "oid")!, (int)Math.Clamp(Long(g, "deliveryNum")!.Value, 0, int.MaxValue)) : null)
                .ToList();
            if (items is not { Count: > 0 } || items.Any(i => i is null))
            {
                return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("deliveryGoodsInfoList须含oid和deliveryNum"));
            }

            var answer = Ship(store, call.SellerId, Long(param, "mainOrderId")!.Value, pack, items!);
            if (answer is not null)
            {
                return answer;
            }
        }

        return Envelope(KuaishouOpenApiEnvelope.Ok(new JsonObject()));
    }

    /// <summary>Null on success for a split package (the caller goes on), else the answer to send.</summary>
    private static IResult? Ship(KuaishouOrderStore store, string sellerId, long orderId, JsonObject pack, IReadOnlyList<KuaishouSimParcelItem>? items)
    {
        var oid = orderId.ToString(CultureInfo.InvariantCulture);
        if (store.Find(oid) is not { } order || order.SellerId != sellerId)
        {
            return Envelope(KuaishouOpenApiEnvelope.OrderNotFound());
        }

        var (_, why) = store.Ship(oid, Long(pack, "expressCode")!.Value, Text(pack, "expressNo")!, items);
        return why is not null
            ? Envelope(KuaishouOpenApiEnvelope.Error(KuaishouSimApiError.BusinessFailedResult, "发货失败", "DELIVER_FAILED", why))
            : items is null ? Envelope(KuaishouOpenApiEnvelope.Ok(new JsonObject())) : null;
    }

    private static string? Carrier(JsonObject param) =>
        !IsNumber(param, "expressCode") ? "expressCode不能为空且须为数字"
        : param["expressNo"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrEmpty(Text(param, "expressNo")) ? "expressNo不能为空"
        : !ExpressCodes.ContainsKey(Long(param, "expressCode")!.Value) ? $"expressCode {Long(param, "expressCode")} 不存在"
        : null;
}

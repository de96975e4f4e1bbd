using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static ServerlessSync.Simulators.Kuaishou.KuaishouOpenApiEndpoints;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>The demo products as 快手 SKUs (<c>kwaiItemId</c> the catalog's product id, <c>kwaiSkuId</c> its SKU id), each seller's stock held apart.</summary>
public sealed class KuaishouSimStock(TimeProvider time)
    : SimSkuStock(DemoCatalog.Products.Select(p => new SimSku(p.ProductId, p.SkuId)), time);

/// <summary>
/// 快手 SKU stock (loop.md §3, KS-DECL), after the gateway checks. <c>open.item.sku.list.get</c>: <c>kwaiItemId</c> (number,
/// required) → <c>data</c> {<c>skuCount</c>, <c>skuList[]</c> {<c>kwaiSkuId</c>, <c>kwaiItemId</c>, <c>skuStock</c>, <c>skuNick</c>,
/// <c>isValid</c>}} of the seller's item. <c>open.item.sku.stock.update</c>: <c>kwaiItemId</c>, <c>skuId</c>, <c>skuChangeStock</c>,
/// <c>changeType</c> (1 增加, 2 减少) all numbers and required; 0 &lt; skuChangeStock &lt; 9,999,999 and the stock after at most
/// 9,999,999; a subtraction larger than the stock is refused and changes nothing.
/// </summary>
/// <remarks>The codes for an unknown item or a stock too low to subtract are not documented: the simulator answers with the business-failure result.</remarks>
public static class KuaishouStockEndpoints
{
    public static async Task<IResult> SkuListGetAsync(
        HttpContext http, KuaishouSimStock stock, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.SkuListGet, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!IsNumber(call!.Param, "kwaiItemId"))
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("kwaiItemId不能为空且须为数字"));
        }

        var itemId = Text(call.Param, "kwaiItemId");
        var rows = stock.List(call.SellerId).Where(r => r.ProductId == itemId).ToList();
        if (rows.Count == 0)
        {
            return Envelope(ItemNotFound());
        }

        var list = rows.Select(r => (JsonNode)new JsonObject
        {
            ["kwaiSkuId"] = long.Parse(r.SkuId, CultureInfo.InvariantCulture),
            ["kwaiItemId"] = long.Parse(r.ProductId, CultureInfo.InvariantCulture),
            ["skuStock"] = r.Stock,
            ["skuNick"] = DemoCatalog.Products.Single(p => p.SkuId == r.SkuId).MerchantCode,
            ["isValid"] = 1,
        }).ToArray();
        return Envelope(KuaishouOpenApiEnvelope.Ok(new JsonObject { ["skuCount"] = list.Length, ["skuList"] = new JsonArray(list) }));
    }

    public static async Task<IResult> SkuStockUpdateAsync(
        HttpContext http, KuaishouSimStock stock, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.SkuStockUpdate, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var param = call!.Param;
        if (!IsNumber(param, "kwaiItemId") || !IsNumber(param, "skuId") || !IsNumber(param, "skuChangeStock") || !IsNumber(param, "changeType"))
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("kwaiItemId、skuId、skuChangeStock和changeType不能为空且须为数字"));
        }

        var change = Long(param, "skuChangeStock")!.Value;
        var changeType = Long(param, "changeType")!.Value;
        if (changeType is not (KuaishouSimStockLimits.ChangeTypeAdd or KuaishouSimStockLimits.ChangeTypeSubtract))
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("changeType须为1（增加）或2（减少）"));
        }

        if (change is <= 0 or >= KuaishouSimStockLimits.MaxStock)
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid($"skuChangeStock须大于0且小于{KuaishouSimStockLimits.MaxStock}"));
        }

        if (stock.Find(Text(param, "skuId")!) is not { } sku || sku.ProductId != Text(param, "kwaiItemId"))
        {
            return Envelope(ItemNotFound());
        }

        JsonObject? refused = null;
        stock.Update(call.SellerId, sku.SkuId, row =>
        {
            var next = changeType == KuaishouSimStockLimits.ChangeTypeAdd ? row.Stock + change : row.Stock - change;
            refused = next > KuaishouSimStockLimits.MaxStock ? KuaishouOpenApiEnvelope.ParameterInvalid($"当前库存+skuChangeStock不能大于{KuaishouSimStockLimits.MaxStock}")
                : next < 0 ? KuaishouOpenApiEnvelope.Error(KuaishouSimApiError.BusinessFailedResult, "库存不足", "STOCK_NOT_ENOUGH", "减少的库存不能大于当前库存")
                : null;
            return refused is null ? next : null;
        });
        return Envelope(refused ?? KuaishouOpenApiEnvelope.Ok(new JsonObject()));
    }

    private static JsonObject ItemNotFound() =>
        KuaishouOpenApiEnvelope.Error(KuaishouSimApiError.BusinessFailedResult, "商品不存在", "ITEM_NOT_EXIST", "商品或sku不存在或不属于当前商家");
}

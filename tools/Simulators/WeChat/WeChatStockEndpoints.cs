using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>The demo products as 微信小店 SKUs (the catalog's product and SKU ids), held for the one shop the simulated app serves.</summary>
public sealed class WeChatSimStock(TimeProvider time)
    : SimSkuStock(DemoCatalog.Products.Select(p => new SimSku(p.ProductId, p.SkuId)), time)
{
    /// <summary>The simulated app's shop, as the hub's settings and profiles name it.</summary>
    public static string ShopId => Demo.DemoPlatforms.ByName["wechat"].ShopId;
}

/// <summary>
/// 微信小店 stock (loop.md §3; https://developers.weixin.qq.com/doc/store/API/product/stock_update.html and get_stock.html),
/// after the access-token checks. <c>POST /channels/ec/product/stock/get</c> {<c>product_id</c>, <c>sku_id</c>} →
/// <c>data</c> {<c>normal_stock_num</c>, <c>limited_discount_stock_num</c>, <c>warehouse_stocks</c>, <c>total_stock_num</c>}.
/// <c>POST /channels/ec/product/stock/update</c> {<c>product_id</c>, <c>sku_id</c> (strings), <c>diff_type</c> 1 增加 / 2 减少 /
/// 3 设置, <c>num</c>}: 10020051 for bad or missing params, 10020052 for an unknown product or SKU, 10020218 for an add or
/// subtract of 0, 10020219 for a subtraction larger than the stock (nothing changes), 10020112 for a second update of a SKU
/// within <see cref="WeChatSimulatorOptions.StockUpdateMinIntervalMs"/>.
/// </summary>
public static class WeChatStockEndpoints
{
    public const string GetPath = "/channels/ec/product/stock/get";
    public const string UpdatePath = "/channels/ec/product/stock/update";

    public static async Task<IResult> GetAsync(HttpContext http, WeChatSimStock stock, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        var (refusal, body) = await WeChatApiEndpoints.AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        var (skuId, why) = Sku(body!, stock);
        if (why is not null)
        {
            return why;
        }

        var row = stock.Get(WeChatSimStock.ShopId, skuId!);
        return WeChatSimAnswers.Ok(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["normal_stock_num"] = row.Stock,
                ["limited_discount_stock_num"] = 0,
                ["warehouse_stocks"] = new JsonArray(),
                ["total_stock_num"] = row.Stock,
            },
        });
    }

    public static async Task<IResult> UpdateAsync(
        HttpContext http, WeChatSimStock stock, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, body) = await WeChatApiEndpoints.AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        if (Integer(body!, "diff_type") is not { } diffType || Integer(body!, "num") is not { } num || num < 0 ||
            diffType is not (WeChatSimStockDiff.DiffAdd or WeChatSimStockDiff.DiffSubtract or WeChatSimStockDiff.DiffSet))
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.StockBadParams, "invalid args: diff_type must be 1, 2 or 3 and num a number of zero or more");
        }

        var (skuId, why) = Sku(body!, stock);
        if (why is not null)
        {
            return why;
        }

        if (num == 0 && diffType != WeChatSimStockDiff.DiffSet)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.StockChangeZero, "增加减少数量为0");
        }

        var now = time.GetUtcNow();
        var minInterval = TimeSpan.FromMilliseconds(options.StockUpdateMinIntervalMs);
        IResult? refused = null;
        stock.Update(WeChatSimStock.ShopId, skuId!, row =>
        {
            var next = diffType switch { WeChatSimStockDiff.DiffAdd => row.Stock + num, WeChatSimStockDiff.DiffSubtract => row.Stock - num, _ => num };
            refused = minInterval > TimeSpan.Zero && row.UpdatedAt is { } last && now - last < minInterval ? WeChatSimAnswers.Error(WeChatSimAnswers.StockUpdatedTooOften, "更新该sku库存频率超限")
                : next < 0 ? WeChatSimAnswers.Error(WeChatSimAnswers.StockTooLowToSubtract, "库存不足以减扣")
                : null;
            return refused is null ? next : null;
        });
        return refused ?? WeChatSimAnswers.Ok(new JsonObject());
    }

    /// <summary>The SKU named by <c>product_id</c> and <c>sku_id</c>, or the refusal to answer.</summary>
    private static (string? SkuId, IResult? Refusal) Sku(JsonObject body, WeChatSimStock stock)
    {
        if (Text(body, "product_id") is not { } productId || Text(body, "sku_id") is not { } skuId)
        {
            return (null, WeChatSimAnswers.Error(WeChatSimAnswers.StockBadParams, "invalid args: product_id and sku_id are required strings"));
        }

        return stock.Find(skuId) is { } sku && sku.ProductId == productId
            ? (skuId, null)
            : (null, WeChatSimAnswers.Error(WeChatSimAnswers.ProductNotFound, "商品不存在,或该商品未曾经上架成功过"));
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static long? Integer(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;
}

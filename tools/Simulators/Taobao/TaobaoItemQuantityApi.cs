using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>The demo products as 淘宝 SKUs (<see cref="TaobaoSimCatalog"/>: <c>num_iid</c> and <c>sku_id</c>), each seller's stock held apart.</summary>
public sealed class TaobaoSimStock(TimeProvider time)
    : SimSkuStock(TaobaoSimCatalog.Items.Select(i => new SimSku(i.NumIid, i.SkuId)), time);

/// <summary>
/// <c>taobao.item.quantity.update</c> (loop.md §3, TB <c>TaobaoItemQuantityUpdateAPIRequest.go</c>) for the session's seller:
/// <c>num_iid</c> and <c>quantity</c> required; the SKU by <c>sku_id</c>, else by <c>outer_id</c> (its merchant code);
/// <c>type</c> 1 full (default) sets <c>quantity</c> (≥ 0), 2 incremental adds it (may be negative, never below zero).
/// Answers <c>item</c> {<c>num_iid</c>, <c>num</c>, <c>modified</c>, <c>skus.sku[]</c> {<c>sku_id</c>, <c>quantity</c>, <c>modified</c>}}.
/// </summary>
/// <remarks>
/// The simulated items all have SKUs, so a call naming no SKU is refused (the real API would change the item's own stock).
/// The error for an unknown item or SKU is not documented: code 15 with sub_code <c>isv.item-not-exist</c> is the simulator's choice.
/// </remarks>
public static class TaobaoItemQuantityApi
{
    public static IResult Update(Dictionary<string, string> p, TaobaoSimStock stock, TaobaoSimulatorOptions options, TimeProvider time)
    {
        if (Get(p, "num_iid") is not { } numIid)
        {
            return TaobaoTopAnswers.MissingArgument("num_iid");
        }

        if (Get(p, "quantity") is not { } quantityText)
        {
            return TaobaoTopAnswers.MissingArgument("quantity");
        }

        if (!numIid.All(char.IsAsciiDigit) || numIid.Length > 20)
        {
            return TaobaoTopAnswers.InvalidArgument("num_iid", "num_iid必须为数字");
        }

        if (!long.TryParse(quantityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
        {
            return TaobaoTopAnswers.InvalidArgument("quantity", "quantity必须为整数");
        }

        var type = Get(p, "type") ?? "1";
        if (type is not ("1" or "2"))
        {
            return TaobaoTopAnswers.InvalidArgument("type", "type只能为1（全量更新）或2（增量更新）");
        }

        var item = Get(p, "sku_id") is { } skuId ? TaobaoSimCatalog.Items.FirstOrDefault(i => i.SkuId == skuId)
            : Get(p, "outer_id") is { } outerId ? TaobaoSimCatalog.Items.FirstOrDefault(i => i.Product.MerchantCode == outerId && i.NumIid == numIid)
            : null;
        if (Get(p, "sku_id") is null && Get(p, "outer_id") is null)
        {
            return TaobaoTopAnswers.InvalidArgument("sku_id", "模拟商品均有SKU，请传入sku_id或outer_id");
        }

        if (item is null || item.NumIid != numIid)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", "isv.item-not-exist", "商品或SKU不存在");
        }

        var full = type == "1";
        if (full && quantity < 0)
        {
            return TaobaoTopAnswers.InvalidArgument("quantity", "全量更新时quantity必须大于等于0");
        }

        var shown = stock.Update(options.SellerNick, item.SkuId, row => full ? quantity : row.Stock + quantity is var next and >= 0 ? next : null);
        if (shown is not { } after)
        {
            return TaobaoTopAnswers.InvalidArgument("quantity", "增量更新时库存与quantity之和不能小于0");
        }

        var modified = TaobaoSimTime.ToText(time.GetUtcNow());
        return TaobaoTopAnswers.Ok(TaobaoSimMethods.ItemQuantityUpdate, new JsonObject
        {
            ["item"] = new JsonObject
            {
                ["num_iid"] = long.Parse(numIid, CultureInfo.InvariantCulture),
                ["num"] = after,
                ["modified"] = modified,
                ["skus"] = new JsonObject
                {
                    ["sku"] = new JsonArray(new JsonObject { ["sku_id"] = long.Parse(item.SkuId, CultureInfo.InvariantCulture), ["quantity"] = after, ["modified"] = modified }),
                },
            },
        });
    }

    private static string? Get(Dictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
}

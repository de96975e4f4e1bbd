using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>The demo products as 抖店 SKUs, each shop's stock held apart (the shop is the access token's).</summary>
public sealed class DouyinSkuStock(TimeProvider time)
    : SimSkuStock(DemoCatalog.Products.Select(p => new SimSku(p.ProductId, p.SkuId)), time)
{
    private readonly HashSet<(string Shop, string Id)> idempotentIds = [];

    /// <summary>Whether an incremental change with this <c>idempotent_id</c> is new for the shop (and remembers it).</summary>
    public bool FirstUse(string shopId, string idempotentId)
    {
        lock (idempotentIds)
        {
            return idempotentIds.Add((shopId, idempotentId));
        }
    }
}

/// <summary>
/// <c>POST /douyin/sku/syncStock</c> (loop.md §3, DD <c>sku_syncStock_request.go</c>): after the gateway checks, <c>sku_id</c>
/// and <c>stock_num</c> (strings of integers, as every param_json value) are required; <c>product_id</c>, when given, must be
/// the SKU's product. <c>incremental</c> ("true"/"false", default false): full sets the stock (<c>stock_num</c> ≥ 0);
/// incremental adds <c>stock_num</c> (may be negative, never below zero) and needs <c>idempotent_id</c>, a repeat of which
/// changes nothing. <c>data</c> is empty. Regional stock (<c>out_warehouse_id</c>) is not simulated and refused.
/// </summary>
public static class DouyinStockEndpoint
{
    public const string Path = "/sku/syncStock";

    public static async Task<IResult> SyncStockAsync(
        HttpContext http, DouyinSkuStock stock, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (param, refusal) = await DouyinOpenApiEndpoints.AdmitStringParamsAsync(http, Path, options, faults, time.GetUtcNow());
        if (param is null)
        {
            return refusal!;
        }

        string? Text(string name) => param[name]?.GetValue<string>() is { Length: > 0 } value ? value : null;
        var skuId = Text("sku_id");
        if (skuId is null || Text("stock_num") is not { } stockText)
        {
            return DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", "缺少参数 sku_id/stock_num");
        }

        if (!long.TryParse(stockText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stockNum) || Text("incremental") is { } inc && inc is not ("true" or "false"))
        {
            return Invalid("isv.parameter-invalid", "stock_num 须为整数，incremental 只能为 true 或 false");
        }

        if (Text("out_warehouse_id") is not null)
        {
            return Invalid("isv.parameter-invalid", "区域库存未开通");
        }

        var shopId = DouyinSearchListEndpoint.ShopOf(http.Request.Query["access_token"].ToString(), options);
        if (stock.Find(skuId) is not { } sku || Text("product_id") is { } productId && productId != sku.ProductId)
        {
            return Failed("商品或sku不存在");
        }

        if (Text("incremental") != "true")
        {
            if (stockNum < 0)
            {
                return Invalid("isv.parameter-invalid", "全量库存 stock_num 不能小于0");
            }

            stock.Update(shopId, skuId, _ => stockNum);
            return DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(new JsonObject()));
        }

        if (Text("idempotent_id") is not { } idempotentId)
        {
            return DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", "增量更新时 idempotent_id 必填");
        }

        if (stock.FirstUse(shopId, idempotentId) && stock.Update(shopId, skuId, row => row.Stock + stockNum is var next and >= 0 ? next : null) is null)
        {
            return Failed("库存不足，扣减后库存不能小于0");
        }

        return DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(new JsonObject()));
    }

    private static IResult Invalid(string subCode, string subMsg) =>
        DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", subCode, subMsg);

    private static IResult Failed(string subMsg) =>
        DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.BusinessFailed, "业务处理失败", "isv.business-failed:" + subMsg, subMsg);
}

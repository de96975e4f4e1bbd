using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// The open-API gateway for <c>order.orderDetail</c> (and <c>order.searchList</c>, see <see cref="DouyinSearchListEndpoint"/>): checks parameters, app key, timestamp freshness and the hmac-sha256
/// signature over the exact body received, then answers in the 抖店 envelope (errors with HTTP 200, as the gateway does).
/// </summary>
public static class DouyinOpenApiEndpoints
{
    public const string OrderDetailPath = "/order/orderDetail";

    /// <summary>param_json for order.orderDetail is tiny; a larger body is refused rather than read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapDouyinOpenApi(this RouteGroupBuilder group)
    {
        group.MapPost(OrderDetailPath, OrderDetailAsync);
        group.MapPost(DouyinSearchListEndpoint.Path, DouyinSearchListEndpoint.SearchListAsync);
        group.MapPost(DouyinRemarkEndpoint.Path, DouyinRemarkEndpoint.AddOrderRemarkAsync);
        group.MapPost(DouyinDeliveryEndpoints.LogisticsAddPath, DouyinDeliveryEndpoints.LogisticsAddAsync);
        group.MapPost(DouyinDeliveryEndpoints.MultiPackPath, DouyinDeliveryEndpoints.LogisticsAddMultiPackAsync);
        group.MapPost(DouyinStockEndpoint.Path, DouyinStockEndpoint.SyncStockAsync);
        return group;
    }

    private static async Task<IResult> OrderDetailAsync(
        HttpContext http, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (body, refusal) = await AdmitAsync(http, OrderDetailPath, options, faults, time.GetUtcNow());
        if (refusal is not null)
        {
            return refusal;
        }

        string? orderId;
        try
        {
            var param = JsonNode.Parse(body!) as JsonObject;
            orderId = param?["shop_order_id"]?.GetValueKind() switch
            {
                JsonValueKind.String => param["shop_order_id"]!.GetValue<string>(),
                JsonValueKind.Number => param["shop_order_id"]!.ToJsonString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.parameter-format-invalid", "业务参数json解析失败，所有参数需为string类型");
        }

        if (string.IsNullOrEmpty(orderId))
        {
            return Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", "缺少参数 shop_order_id");
        }

        if (store.Find(orderId) is not { } order)
        {
            return Error(DouyinOpenApiEnvelope.BusinessFailed, "业务处理失败", "isv.business-failed:订单不存在", "订单不存在");
        }

        return Envelope(DouyinOpenApiEnvelope.Ok(new JsonObject { ["shop_order_detail"] = DouyinOrderDetailJson.ShopOrderDetail(order) }));
    }

    /// <summary>
    /// What every open-API call meets before its own parameters are read: the configured latency and faults, the body
    /// size, the gateway checks and throttling. Either the body (param_json) or the answer to send instead.
    /// </summary>
    internal static async Task<(string? Body, IResult? Refusal)> AdmitAsync(
        HttpContext http, string path, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, DateTimeOffset now)
    {
        if (await faults.DelayOrFailAsync(http) is { } failed)
        {
            return (null, failed);
        }

        var body = await SimRequestBody.ReadTextAsync(http.Request, MaxBodyBytes);
        if (body is null)
        {
            return (null, Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.parameter-invalid", "请求体过大"));
        }

        if (CheckGateway(http.Request.Query, body, options, now, path) is { } gatewayError)
        {
            return (null, Envelope(gatewayError));
        }

        if (faults.NextThrottled())
        {
            return (null, Error(DouyinOpenApiEnvelope.TrafficLimited, "触发限流，请稍后重试", DouyinSimApiError.ThrottledSubCode, "请求太频繁，请稍后重试"));
        }

        return (body, null);
    }

    /// <summary>
    /// <see cref="AdmitAsync"/>, then <c>param_json</c> read as an object whose values are all strings (as the write APIs
    /// take them): either the parameters or the answer to send instead.
    /// </summary>
    internal static async Task<(JsonObject? Param, IResult? Refusal)> AdmitStringParamsAsync(
        HttpContext http, string path, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, DateTimeOffset now)
    {
        var (body, refusal) = await AdmitAsync(http, path, options, faults, now);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        JsonObject? param;
        try
        {
            param = JsonNode.Parse(body!) as JsonObject;
        }
        catch (JsonException)
        {
            param = null;
        }

        return param is not null && param.All(p => p.Value?.GetValueKind() == JsonValueKind.String)
            ? (param, null)
            : (null, Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.parameter-format-invalid", "业务参数json解析失败，所有参数需为string类型"));
    }

    /// <summary>The gateway's checks for a call to <paramref name="path"/>: null when they pass, else the error envelope.</summary>
    internal static JsonObject? CheckGateway(IQueryCollection query, string body, DouyinSimulatorOptions options, DateTimeOffset now, string path)
    {
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        var appKey = Get("app_key");
        var method = Get("method");
        var timestamp = Get("timestamp");
        var sign = Get("sign");
        if (appKey is null)
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.app-id-missing", "认证失败，app_key不存在");
        }

        if (Get("access_token") is null)
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.access-token-missing", "认证失败，access_token不能为空");
        }

        if (sign is null)
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.signature-missing", "获取签名失败，请根据文档确保参数拼装正确");
        }

        if (method is null || timestamp is null || Get("v") is null)
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", "缺少参数 method/timestamp/v");
        }

        if (!string.Equals(appKey, options.AppKey, StringComparison.Ordinal))
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.app-id-missing", "认证失败，app_key不存在");
        }

        if (method != DouyinSimSignatures.MethodOf(path) || Get("v") != DouyinSimSignatures.ApiVersion ||
            (Get("sign_method") is { } signMethod && signMethod != DouyinSimSignatures.ApiSignMethod))
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.parameter-invalid", "参数错误");
        }

        if (!timestamp.All(char.IsAsciiDigit))
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.timestamp-format-error", "时间戳格式错误");
        }

        if (!DouyinSimSignatures.IsFresh(timestamp, now, TimeSpan.FromSeconds(options.MaxTimestampSkewSeconds)))
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.timestamp-invalid", "时间戳不合法");
        }

        if (!DouyinSimSignatures.ApiSignMatches(appKey, options.AppSecret, method, body, timestamp, sign))
        {
            return DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", "isv.signature-invalid", "签名校验失败");
        }

        return null;
    }

    internal static IResult Error(long code, string msg, string subCode, string subMsg) =>
        Envelope(DouyinOpenApiEnvelope.Error(code, msg, subCode, subMsg));

    internal static IResult Envelope(JsonObject envelope) =>
        SimJson.Reply(envelope);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// The open-API gateway for <c>open.order.detail</c>, <c>open.order.cursor.list</c> and the write calls (all HTTP GET, version 1): checks
/// the system parameters, app key, access token (which names the seller), timestamp freshness and the MD5 or HMAC_SHA256
/// signature, then the method's own limits, and answers in the 快手 envelope (errors with HTTP 200).
/// </summary>
public static class KuaishouOpenApiEndpoints
{
    public static readonly string OrderDetailPath = KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.OrderDetail);
    public static readonly string OrderCursorListPath = KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.OrderCursorList);
    public static readonly string SellerNoteAddPath = KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.SellerNoteAdd);

    /// <summary><c>note</c> "字符数&lt;=200" (KS l.16984).</summary>
    public const int MaxNoteChars = 200;

    /// <summary><c>flag</c>: 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple, 6 grey.</summary>
    public const int MaxFlag = 6;

    /// <summary>A seller other than the default one is reached with the token <c>sim-kuaishou-token-{sellerId}</c>.</summary>
    public const string SellerTokenPrefix = "sim-kuaishou-token-";

    /// <summary>Page size when <c>pageSize</c> is absent (the platform's default is not documented; G).</summary>
    public const int DefaultPageSize = 10;

    internal sealed record Call(string SellerId, JsonObject Param);

    public static RouteGroupBuilder MapKuaishouOpenApi(this RouteGroupBuilder group)
    {
        group.MapGet(OrderDetailPath, OrderDetailAsync);
        group.MapGet(OrderCursorListPath, CursorListAsync);
        group.MapGet(SellerNoteAddPath, SellerNoteAddAsync);
        group.MapGet(KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.GoodsDeliver), KuaishouDeliveryEndpoints.GoodsDeliverAsync);
        group.MapGet(KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.SplitDeliver), KuaishouDeliveryEndpoints.SplitDeliverAsync);
        group.MapGet(KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.SkuListGet), KuaishouStockEndpoints.SkuListGetAsync);
        group.MapGet(KuaishouSimSignatures.PathOf(KuaishouSimApiMethods.SkuStockUpdate), KuaishouStockEndpoints.SkuStockUpdateAsync);
        return group;
    }

    public static string? SellerFor(string? accessToken, KuaishouSimulatorOptions options)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return null;
        }

        if (string.Equals(accessToken, options.AccessToken, StringComparison.Ordinal))
        {
            return options.SellerId;
        }

        var seller = accessToken.StartsWith(SellerTokenPrefix, StringComparison.Ordinal) ? accessToken[SellerTokenPrefix.Length..] : "";
        return seller.Length is > 0 and <= 19 && seller.All(char.IsAsciiDigit) ? seller : null;
    }

    private static async Task<IResult> OrderDetailAsync(
        HttpContext http, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.OrderDetail, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var oid = Text(call!.Param, "oid");
        if (oid is null || !oid.All(char.IsAsciiDigit))
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("oid不能为空且须为数字"));
        }

        return store.Find(oid) is { } order && order.SellerId == call.SellerId
            ? Envelope(KuaishouOpenApiEnvelope.Ok(KuaishouOrderDetailJson.OrderDetail(order)))
            : Envelope(KuaishouOpenApiEnvelope.OrderNotFound());
    }

    /// <summary>
    /// <c>open.seller.order.note.add</c>: <c>orderId</c> (number) required; <c>note</c> (at most 200 characters), <c>flag</c>
    /// (0..6) and <c>staffId</c> optional, at least one of note and flag. The note is added to the order's list; the earlier
    /// notes stay (the read-back is a list, newest first; loop.md §1). The error codes are the simulator's guesses.
    /// </summary>
    private static async Task<IResult> SellerNoteAddAsync(
        HttpContext http, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.SellerNoteAdd, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var param = call!.Param;
        if (param["orderId"]?.GetValueKind() != JsonValueKind.Number || Long(param, "orderId") is not { } orderId)
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("orderId不能为空且须为数字"));
        }

        var note = param["note"]?.GetValueKind() == JsonValueKind.String ? param["note"]!.GetValue<string>() : null;
        var flag = Long(param, "flag");
        var problem = (note, flag) switch
        {
            (null, null) => "note和flag不能同时为空",
            ({ Length: > MaxNoteChars }, _) => $"note字符数须<={MaxNoteChars}",
            (_, < 0 or > MaxFlag) => $"flag须在0到{MaxFlag}之间",
            _ when param["note"] is { } n && n.GetValueKind() != JsonValueKind.String => "note须为字符串",
            _ => null,
        };
        if (problem is not null)
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid(problem));
        }

        var oid = orderId.ToString(CultureInfo.InvariantCulture);
        if (store.Find(oid) is not { } order || order.SellerId != call.SellerId)
        {
            return Envelope(KuaishouOpenApiEnvelope.OrderNotFound());
        }

        store.AddNote(oid, note ?? "", (int)(flag ?? 0), "开放平台");
        return Envelope(KuaishouOpenApiEnvelope.Ok(new JsonObject()));
    }

    private static async Task<IResult> CursorListAsync(
        HttpContext http, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        var (refusal, call) = await AdmitAsync(http, KuaishouSimApiMethods.OrderCursorList, options, faults, time);
        if (refusal is not null)
        {
            return refusal;
        }

        var param = call!.Param;
        var now = time.GetUtcNow();
        var begin = Long(param, "beginTime");
        var end = Long(param, "endTime");
        var pageSize = Long(param, "pageSize") ?? DefaultPageSize;
        var queryType = Long(param, "queryType") ?? KuaishouSimCursorList.QueryByCreateTime;
        var sort = Long(param, "sort") ?? KuaishouSimCursorList.SortDescending;
        var cursor = Text(param, "cursor") ?? "";
        var problem = (begin, end) switch
        {
            (null, _) or (_, null) => "beginTime和endTime不能为空",
            _ when pageSize is < 1 or > KuaishouSimCursorList.MaxPageSize => $"pageSize须在1到{KuaishouSimCursorList.MaxPageSize}之间",
            _ when end <= begin => "endTime须大于beginTime",
            _ when end - begin > (long)KuaishouSimCursorList.MaxWindow.TotalMilliseconds => "查询时间范围不能超过7天",
            _ when begin < (now - KuaishouSimCursorList.MaxLookBack).ToUnixTimeMilliseconds() => "beginTime不能早于90天前",
            _ when queryType is not (KuaishouSimCursorList.QueryByCreateTime or KuaishouSimCursorList.QueryByUpdateTime) => "queryType须为1或2",
            _ when sort is not (KuaishouSimCursorList.SortDescending or KuaishouSimCursorList.SortAscending) => "sort须为1或2",
            _ => null,
        };
        if (problem is not null)
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid(problem));
        }

        var data = new JsonObject { ["pageSize"] = pageSize, ["beginTime"] = begin, ["endTime"] = end };
        if (cursor == KuaishouSimCursorList.NoMoreCursor)
        {
            data["cursor"] = KuaishouSimCursorList.NoMoreCursor;
            data["orderList"] = new JsonArray();
            return Envelope(KuaishouOpenApiEnvelope.Ok(data));
        }

        if (!KuaishouListCursor.TryDecode(cursor, out var after))
        {
            return Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("cursor无效"));
        }

        var byUpdate = queryType == KuaishouSimCursorList.QueryByUpdateTime;
        var ascending = sort == KuaishouSimCursorList.SortAscending;
        var remaining = store.Query(call.SellerId, byUpdate, begin!.Value, end!.Value, ascending)
            .Where(o => after is null || KuaishouListCursor.IsAfter(KuaishouListCursor.Of(o, byUpdate), after.Value, ascending))
            .ToList();
        var page = remaining.Take((int)pageSize).ToList();
        data["cursor"] = remaining.Count > page.Count ? KuaishouListCursor.Encode(KuaishouListCursor.Of(page[^1], byUpdate)) : KuaishouSimCursorList.NoMoreCursor;
        data["orderList"] = new JsonArray(page.Select(o => (JsonNode)KuaishouOrderDetailJson.ListEntry(o)).ToArray());
        return Envelope(KuaishouOpenApiEnvelope.Ok(data));
    }

    internal static async Task<(IResult? Refusal, Call? Call)> AdmitAsync(
        HttpContext http, string method, KuaishouSimulatorOptions options, KuaishouSimulatorFaults faults, TimeProvider time)
    {
        if (await faults.DelayOrFailAsync(http) is { } failed)
        {
            return (failed, null);
        }

        var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        var gatewayError = CheckGateway(query, Get, method, options, time.GetUtcNow());
        if (gatewayError is not null)
        {
            return (Envelope(gatewayError), null);
        }

        if (faults.NextThrottled())
        {
            return (Envelope(KuaishouOpenApiEnvelope.Throttled()), null);
        }

        JsonObject? param;
        try
        {
            param = JsonNode.Parse(Get(KuaishouSimSignatures.ParamParam) ?? "{}") as JsonObject;
        }
        catch (JsonException)
        {
            param = null;
        }

        return param is null
            ? (Envelope(KuaishouOpenApiEnvelope.ParameterInvalid("param须为JSON对象")), null)
            : (null, new Call(SellerFor(Get(KuaishouSimSignatures.AccessTokenParam), options)!, param));
    }

    private static JsonObject? CheckGateway(
        Dictionary<string, string?> query, Func<string, string?> get, string method, KuaishouSimulatorOptions options, DateTimeOffset now)
    {
        if (!string.Equals(get(KuaishouSimSignatures.AppKeyParam), options.AppKey, StringComparison.Ordinal))
        {
            return KuaishouOpenApiEnvelope.AppKeyInvalid();
        }

        if (get(KuaishouSimSignatures.MethodParam) != method || get(KuaishouSimSignatures.VersionParam) != KuaishouSimSignatures.ApiVersion)
        {
            return KuaishouOpenApiEnvelope.ParameterInvalid($"method须为{method}，version须为{KuaishouSimSignatures.ApiVersion}");
        }

        var token = get(KuaishouSimSignatures.AccessTokenParam);
        if (token is null)
        {
            return KuaishouOpenApiEnvelope.AccessTokenInvalid("access_token不能为空");
        }

        if (SellerFor(token, options) is null)
        {
            return KuaishouOpenApiEnvelope.AccessTokenInvalid("access_token不存在或已过期");
        }

        if (!KuaishouSimSignatures.IsSignMethod(get(KuaishouSimSignatures.SignMethodParam)))
        {
            return KuaishouOpenApiEnvelope.SignMethodInvalid();
        }

        if (get(KuaishouSimSignatures.SignParam) is null)
        {
            return KuaishouOpenApiEnvelope.SignatureInvalid("sign不能为空");
        }

        if (!KuaishouSimSignatures.IsFresh(get(KuaishouSimSignatures.TimestampParam), now, TimeSpan.FromSeconds(options.MaxTimestampSkewSeconds)))
        {
            return KuaishouOpenApiEnvelope.ParameterInvalid("timestamp须为毫秒时间戳且与服务器时间相差不超过10分钟");
        }

        return KuaishouSimSignatures.ApiSignMatches(query, options.SignSecret) ? null : KuaishouOpenApiEnvelope.SignatureInvalid("签名校验失败");
    }

    internal static string? Text(JsonObject param, string name) => param[name]?.GetValueKind() switch
    {
        JsonValueKind.String => param[name]!.GetValue<string>(),
        JsonValueKind.Number => param[name]!.ToJsonString(),
        _ => null,
    };

    internal static long? Long(JsonObject param, string name) =>
        long.TryParse(Text(param, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Whether <paramref name="name"/> is a JSON number holding a 64-bit integer (ids and counts are numbers in 快手's params).</summary>
    internal static bool IsNumber(JsonObject param, string name) => param[name]?.GetValueKind() == JsonValueKind.Number && Long(param, name) is not null;

    internal static IResult Envelope(JsonObject envelope) =>
        SimJson.Reply(envelope);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// The WeChat API the sync calls: <c>GET /cgi-bin/token</c>, <c>POST /channels/ec/order/get</c>,
/// <c>POST /channels/ec/order/list/get</c> and <c>POST /channels/ec/order/merchantnotes/update</c>, with access-token checks, the list's limits (range ≤ 7 days, page_size 1..100,
/// next_key paging) and WeChat-style <c>{errcode, errmsg}</c> answers with HTTP 200.
/// </summary>
public static class WeChatApiEndpoints
{
    public const string TokenPath = "/cgi-bin/token";
    public const string OrderGetPath = "/channels/ec/order/get";
    public const string OrderListPath = "/channels/ec/order/list/get";
    public const string MerchantNotesUpdatePath = "/channels/ec/order/merchantnotes/update";
    public const int MaxPageSize = 100;
    public const long MaxRangeSeconds = 7 * 24 * 3600;

    /// <summary>Request bodies are tiny; a larger one is refused rather than read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapWeChatApi(this RouteGroupBuilder group)
    {
        group.MapGet(TokenPath, Token);
        group.MapPost(OrderGetPath, OrderGetAsync);
        group.MapPost(OrderListPath, OrderListAsync);
        group.MapPost(MerchantNotesUpdatePath, MerchantNotesUpdateAsync);
        group.MapPost(WeChatDeliveryEndpoint.Path, WeChatDeliveryEndpoint.DeliverySendAsync);
        group.MapPost(WeChatStockEndpoints.GetPath, WeChatStockEndpoints.GetAsync);
        group.MapPost(WeChatStockEndpoints.UpdatePath, WeChatStockEndpoints.UpdateAsync);
        return group;
    }

    private static IResult Token(HttpRequest request, WeChatSimulatorOptions options, WeChatSimTokens tokens)
    {
        var query = request.Query;
        if (query["grant_type"] != "client_credential")
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidGrantType, "invalid grant_type");
        }

        if (query["appid"] != options.AppId)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidAppId, "invalid appid");
        }

        if (query["secret"] != options.AppSecret)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidAppSecret, "invalid appsecret");
        }

        var (token, expiresIn) = tokens.Issue();
        return WeChatSimAnswers.Send(new JsonObject { ["access_token"] = token, ["expires_in"] = expiresIn });
    }

    private static async Task<IResult> OrderGetAsync(HttpContext http, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        var (refusal, body) = await AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        var orderId = body!["order_id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(orderId))
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, "invalid args: order_id is required");
        }

        return store.Find(orderId) is { } order
            ? WeChatSimAnswers.Ok(new JsonObject { ["order"] = WeChatOrderJson.Order(order, options.FreeGiftAsNumber) })
            : WeChatSimAnswers.Error(WeChatSimAnswers.OrderNotFound, "order not exist");
    }

    /// <summary>
    /// <c>merchantnotes/update</c> (loop.md §1): <c>order_id</c> and <c>merchant_notes</c>, both strings, required (40097
    /// otherwise); the notes replace the order's notes. 100002 for an unknown order, 100003 when updated too often.
    /// </summary>
    private static async Task<IResult> MerchantNotesUpdateAsync(HttpContext http, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        var (refusal, body) = await AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["order_id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String || id.GetValue<string>() is not { Length: > 0 } orderId ||
            body["merchant_notes"] is not JsonValue notesValue || notesValue.GetValueKind() != JsonValueKind.String)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, "invalid args: order_id and merchant_notes are required strings");
        }

        var (order, updated) = store.SetMerchantNotes(orderId, notesValue.GetValue<string>(), TimeSpan.FromMilliseconds(options.MerchantNotesMinIntervalMs));
        return order is null ? WeChatSimAnswers.Error(WeChatSimAnswers.OrderNotFound, "order not exist")
            : !updated ? WeChatSimAnswers.Error(WeChatSimAnswers.OrderUpdatedTooOften, "order update too frequently")
            : WeChatSimAnswers.Ok(new JsonObject());
    }

    private static async Task<IResult> OrderListAsync(HttpContext http, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        var (refusal, body) = await AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["page_size"] is not JsonValue sizeValue || !sizeValue.TryGetValue<int>(out var pageSize) || pageSize is < 1 or > MaxPageSize)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, $"invalid args: page_size must be 1..{MaxPageSize}");
        }

        var update = Range(body["update_time_range"], out var updateError);
        var create = Range(body["create_time_range"], out var createError);
        if ((updateError ?? createError) is { } rangeError)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, $"invalid args: {rangeError}");
        }

        if (update is null && create is null)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, "invalid args: create_time_range or update_time_range is required");
        }

        var offset = 0;
        if (body["next_key"] is JsonValue key && key.GetValueKind() == JsonValueKind.String && key.GetValue<string>() is { Length: > 0 } nextKey &&
            !TryDecodeKey(nextKey, out offset))
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, "invalid args: next_key");
        }

        var matching = store.Query(update, create);
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var end = offset + page.Count;
        return WeChatSimAnswers.Ok(new JsonObject
        {
            ["order_id_list"] = new JsonArray(page.Select(o => (JsonNode)JsonValue.Create(o.OrderId)).ToArray()),
            ["next_key"] = EncodeKey(end),
            ["has_more"] = end < matching.Count,
        });
    }

    /// <summary>Latency, injected 500s, access token, rate limit and a JSON object body, in the gateway's order.</summary>
    internal static async Task<(IResult? Refusal, JsonObject? Body)> AdmitAsync(
        HttpContext http, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        if (await faults.DelayOrFailAsync(http) is { } failed)
        {
            return (failed, null);
        }

        switch (tokens.Validate(http.Request.Query["access_token"].ToString()))
        {
            case WeChatSimTokens.Check.Missing:
                return (WeChatSimAnswers.Error(WeChatSimAnswers.AccessTokenMissing, "access_token missing"), null);
            case WeChatSimTokens.Check.Unknown:
                return (WeChatSimAnswers.Error(WeChatSimAnswers.InvalidCredential, "invalid credential, access_token is invalid or not latest"), null);
            case WeChatSimTokens.Check.Expired:
                return (WeChatSimAnswers.Error(WeChatSimAnswers.AccessTokenExpired, "access_token expired"), null);
        }

        if (faults.NextThrottled())
        {
            return (WeChatSimAnswers.Error(WeChatSimAnswers.ApiFreqLimit, "api freq out of limit"), null);
        }

        var text = await SimRequestBody.ReadTextAsync(http.Request, MaxBodyBytes);
        try
        {
            return text is not null && JsonNode.Parse(text) is JsonObject body
                ? (null, body)
                : (WeChatSimAnswers.Error(WeChatSimAnswers.DataFormatError, "data format error"), null);
        }
        catch (JsonException)
        {
            return (WeChatSimAnswers.Error(WeChatSimAnswers.DataFormatError, "data format error"), null);
        }
    }

    private static (long Start, long End)? Range(JsonNode? node, out string? error)
    {
        error = null;
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject range || range["start_time"] is not JsonValue s || range["end_time"] is not JsonValue e ||
            !s.TryGetValue<long>(out var start) || !e.TryGetValue<long>(out var end))
        {
            error = "a time range needs start_time and end_time in unix seconds";
            return null;
        }

        if (end < start || end - start > MaxRangeSeconds)
        {
            error = "time range must run forward and span at most 7 days";
            return null;
        }

        return (start, end);
    }

    private static string EncodeKey(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"offset:{offset}")));

    private static bool TryDecodeKey(string key, out int offset)
    {
        offset = 0;
        var buffer = new byte[64];
        return Convert.TryFromBase64String(key, buffer, out var written) &&
               Encoding.ASCII.GetString(buffer, 0, written) is { } text && text.StartsWith("offset:", StringComparison.Ordinal) &&
               int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}

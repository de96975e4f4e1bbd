using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The Jushuitan open API under <c>/jushuitan</c> (the connector's BaseUrl): form-encoded POSTs only, public
/// parameters and sign checked on every call. Throttling and refusals answer HTTP 200 with a code; only injected
/// faults answer 500.
/// </summary>
public static class JushuitanSimEndpoints
{
    public const string Prefix = "/jushuitan";

    private static readonly SimErpRefusals Refusals = new(
        c => WriteAsync(c, Error(ThrottledConcurrency, "并发请求过多，请稍后再试")),
        c => WriteAsync(c, Error(ThrottledFrequency, "接口调用频率超过限制，请稍后再试")),
        SimErpRefusals.PlainServerError);

    private delegate Task<JsonNode?> Handler(HttpContext context, JushuitanSimulatorState state, JsonNode? biz);

    public static WebApplication MapJushuitanProtocol(this WebApplication app)
    {
        app.MapPost(Prefix + "/open/jushuitan/orders/upload", (HttpContext c) => HandleAsync(c, "orders/upload", true, UploadAsync));
        app.MapPost(Prefix + "/open/orders/single/query", (HttpContext c) => HandleAsync(c, "orders/single/query", true, OrdersAsync));
        app.MapPost(Prefix + "/open/orders/out/simple/query", (HttpContext c) => HandleAsync(c, "orders/out/simple/query", true, OutboundAsync));
        app.MapPost(Prefix + "/open/inventory/query", (HttpContext c) => HandleAsync(c, "inventory/query", true, InventoryAsync));
        app.MapPost(Prefix + "/open/sku/query", (HttpContext c) => HandleAsync(c, "sku/query", true, SkusAsync));
        app.MapPost(Prefix + "/openWeb/auth/getInitToken", (HttpContext c) => HandleAsync(c, "getInitToken", false, InitTokenAsync));
        return app;
    }

    private static async Task<JsonNode?> UploadAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz)
    {
        var outcome = JushuitanSimUpload.Upload(state, biz);
        if (outcome.Created > 0 && state.Roll(state.Options.CommitThenTimeoutRate))
        {
            await SimErpCalls.HoldAndAbortAsync(context, state);
            return null;
        }

        return outcome.Answer;
    }

    private static Task<JsonNode?> OrdersAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz) =>
        Task.FromResult<JsonNode?>(biz is JsonObject query ? JushuitanSimQueries.Orders(state, query) : Error(BizInvalid, "biz 必须是 JSON 对象"));

    private static Task<JsonNode?> OutboundAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz) =>
        Task.FromResult<JsonNode?>(biz is JsonObject query ? JushuitanSimOutbound.Query(state, query) : Error(BizInvalid, "biz 必须是 JSON 对象"));

    private static Task<JsonNode?> InventoryAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz) =>
        Task.FromResult<JsonNode?>(biz is JsonObject query ? JushuitanSimQueries.Inventory(state, query) : Error(BizInvalid, "biz 必须是 JSON 对象"));

    private static Task<JsonNode?> SkusAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz) =>
        Task.FromResult<JsonNode?>(biz is JsonObject query ? JushuitanSimSkus.Query(state, query) : Error(BizInvalid, "biz 必须是 JSON 对象"));

    /// <summary>getInitToken (grant_type=authorization_code): hands out the company's token, valid from now.</summary>
    private static Task<JsonNode?> InitTokenAsync(HttpContext context, JushuitanSimulatorState state, JsonNode? biz)
    {
        if (context.Request.Form["grant_type"] != "authorization_code" || string.IsNullOrEmpty(context.Request.Form["code"]))
        {
            return Task.FromResult<JsonNode?>(Error(BizInvalid, "grant_type 必须为 authorization_code 且 code 必填"));
        }

        state.RenewToken();
        return Task.FromResult<JsonNode?>(Ok(new JsonObject
        {
            ["access_token"] = state.Options.AccessToken,
            ["expires_in"] = state.Options.AccessTokenLifetimeSeconds,
            ["refresh_token"] = "sim-jst-refresh-token",
            ["scope"] = "all",
        }));
    }

    /// <summary>The shared admission (<see cref="SimErpCalls"/>), then the form, its public parameters and sign, and <c>biz</c>.</summary>
    private static Task HandleAsync(HttpContext context, string api, bool business, Handler handle)
    {
        var state = context.RequestServices.GetRequiredService<JushuitanSimulatorState>();
        return SimErpCalls.RunAsync(context, state, api, Refusals, async () =>
        {
            if (!context.Request.HasFormContentType)
            {
                await WriteAsync(context, Error(BizInvalid, "请求必须是 application/x-www-form-urlencoded 表单"));
                return;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (JushuitanSimAuth.Check(state, form, business) is { } refused)
            {
                await WriteAsync(context, Error(refused.Code, refused.Message));
                return;
            }

            JsonNode? biz = null;
            if (business)
            {
                try
                {
                    biz = JsonNode.Parse(form["biz"].ToString());
                }
                catch (JsonException)
                {
                    await WriteAsync(context, Error(BizInvalid, "biz 不是合法的 JSON"));
                    return;
                }
            }

            if (await handle(context, state, biz) is { } answer)
            {
                await WriteAsync(context, answer);
            }
        });
    }

    private static Task WriteAsync(HttpContext context, JsonNode answer) => SimJson.WriteAsync(context, answer);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
            // The orders are committed, but the client never learns it: hold past its timeout, then drop the connection.
            state.Metrics.CountCommitThenTimeout();
            try
            {
                await Task.Delay(Math.Max(0, state.Options.CommitThenTimeoutHoldMs), context.RequestAborted);
            }
            finally
            {
                context.Abort();
            }

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

    private static async Task HandleAsync(HttpContext context, string api, bool business, Handler handle)
    {
        var state = context.RequestServices.GetRequiredService<JushuitanSimulatorState>();
        var options = state.Options;
        var inFlight = state.Metrics.Enter(api, state.Time.GetUtcNow());
        try
        {
            if (options.MaxConcurrency > 0 && inFlight > options.MaxConcurrency)
            {
                state.Metrics.CountThrottled();
                await WriteAsync(context, Error(ThrottledConcurrency, "并发请求过多，请稍后再试"));
                return;
            }

            if (!state.Bucket.TryTake(options.MaxCallsPerSecond))
            {
                state.Metrics.CountThrottled();
                await WriteAsync(context, Error(ThrottledFrequency, "接口调用频率超过限制，请稍后再试"));
                return;
            }

            if (options.LatencyMs > 0)
            {
                await Task.Delay(options.LatencyMs, context.RequestAborted);
            }

            if (state.Roll(options.TransientFailureRate))
            {
                state.Metrics.CountTransientFailure();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("Internal Server Error (simulated)", context.RequestAborted);
                return;
            }

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

            var answer = await handle(context, state, biz);
            if (answer is not null)
            {
                await WriteAsync(context, answer);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            state.Metrics.Exit();
        }
    }

    private static Task WriteAsync(HttpContext context, JsonNode answer)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(answer.ToJsonString(Output), context.RequestAborted);
    }
}

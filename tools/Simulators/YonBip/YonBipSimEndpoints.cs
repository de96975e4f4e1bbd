using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.YonBip.YonBipSimAnswers;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// The YonBIP open-API gateway under <c>/yonbip</c>: <c>/yonbip/open-auth/...</c> for the token and data-centre lookup,
/// <c>/yonbip/yonbip/{api}?access_token=</c> for business calls (so the connector's BaseUrl is <c>.../yonbip</c>, the
/// gateway URL). Throttling, bad tokens and business failures answer HTTP 200 with a code, as the real gateway
/// does; only injected faults answer 500 and unregistered paths 404.
/// </summary>
public static class YonBipSimEndpoints
{
    public const string Prefix = "/yonbip";

    private const string Save = "sd/voucherorder/singleSave";
    private const string Submit = "sd/voucherorder/batchsubmit";
    private const string Audit = "sd/voucherorder/batchaudit";
    private const string Unaudit = "sd/voucherorder/batchunaudit";
    private const string Delete = "sd/voucherorder/delete";
    private const string List = "sd/voucherorder/list";
    private const string Detail = "sd/voucherorder/detail";
    private const string Stock = "scm/stock/QueryCurrentStocksByCondition";
    private const string Products = "digitalModel/product/list";
    private const string SalesOuts = "scm/salesout/list";

    /// <summary>The APIs a 60 calls/minute quota covers (salesout/list's own limit is 60 a minute too).</summary>
    private static readonly string[] SalesOrderQuotaApis = [Save, List, Detail, SalesOuts];

    private static readonly SimErpRefusals Refusals = new(
        c => WriteAsync(c, Error(AppThrottled, "触发了应用级限流")),
        c => WriteAsync(c, Error(ApiThrottled, "触发了API级限流")),
        SimErpRefusals.PlainServerError);

    public static WebApplication MapYonBipProtocol(this WebApplication app)
    {
        app.MapGet(Prefix + "/open-auth/selfAppAuth/getAccessToken", TokenAsync);
        app.MapGet(Prefix + "/open-auth/dataCenter/getGatewayAddress", GatewayAddressAsync);
        app.MapMethods(Prefix + "/yonbip/{**api}", ["GET", "POST"], BusinessAsync);
        return app;
    }

    private static Task TokenAsync(HttpContext context) => HandleAsync(context, "getAccessToken", state =>
    {
        var q = context.Request.Query;
        return Task.FromResult<JsonNode?>(YonBipSimAuth.GetAccessToken(state, q["appKey"], q["timestamp"], q["signature"]));
    });

    private static Task GatewayAddressAsync(HttpContext context) => HandleAsync(context, "getGatewayAddress", state =>
    {
        var self = $"{context.Request.Scheme}://{context.Request.Host}{Prefix}";
        return Task.FromResult<JsonNode?>(YonBipSimAuth.GatewayAddress(state, context.Request.Query["tenantId"], self));
    });

    private static Task BusinessAsync(HttpContext context)
    {
        var api = context.Request.RouteValues["api"] as string ?? "";
        var method = context.Request.Method;
        var known = (api, method) is (Save or Submit or Audit or Unaudit or Delete or List or Stock or Products or SalesOuts, "POST") or (Detail, "GET");
        if (!known)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return WriteAsync(context, Error(PathNotFound, "API不存在"));
        }

        return HandleAsync(context, api[(api.LastIndexOf('/') + 1)..], async state =>
        {
            var verdict = state.Tokens.Check(context.Request.Query["access_token"], state.Time.GetUtcNow(), TimeSpan.FromSeconds(state.Options.TokenLifetimeSeconds));
            if (verdict != YonBipSimTokens.Verdict.Valid)
            {
                state.Metrics.Count(SimCounter.SessionRejections);
                return verdict == YonBipSimTokens.Verdict.Missing ? Error(TokenMissing, "access_token不能为空") : Error(TokenInvalid, "非法token");
            }

            if (!state.PerMinute.TryTake(api, SalesOrderQuotaApis.Contains(api) ? state.Options.SalesOrderCallsPerMinute : 0, state.Time.GetUtcNow()))
            {
                state.Metrics.Count(SimCounter.Throttled);
                return Error(ApiThrottled, "触发了API级限流");
            }

            if (method == "GET")
            {
                return YonBipSimQueries.Detail(state, context.Request.Query["id"]);
            }

            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            }
            catch (JsonException)
            {
                return Error(ParameterInvalid, "参数校验失败：请求体不是合法的 JSON");
            }

            switch (api)
            {
                case Save:
                    var saved = YonBipSimWrites.Save(state, body);
                    if (saved.Created is not null && state.Roll(state.Options.CommitThenTimeoutRate))
                    {
                        await SimErpCalls.HoldAndAbortAsync(context, state);
                        return null;
                    }

                    return saved.Answer;
                case Submit:
                    return YonBipSimWrites.Submit(state, body);
                case Audit:
                    return YonBipSimWrites.Audit(state, body);
                case Unaudit:
                    return YonBipSimWrites.Unaudit(state, body);
                case Delete:
                    return YonBipSimWrites.Delete(state, body);
                case List:
                    return YonBipSimQueries.List(state, body);
                case Products:
                    return YonBipSimQueries.ProductList(body);
                case SalesOuts:
                    return YonBipSimSalesOuts.List(state, body);
                default:
                    return YonBipSimQueries.CurrentStock(state, body);
            }
        });
    }

    /// <summary>The shared admission (<see cref="SimErpCalls"/>), then writes what <paramref name="handle"/> answers (null: nothing).</summary>
    private static Task HandleAsync(HttpContext context, string api, Func<YonBipSimulatorState, Task<JsonNode?>> handle)
    {
        var state = context.RequestServices.GetRequiredService<YonBipSimulatorState>();
        return SimErpCalls.RunAsync(context, state, api, Refusals, async () =>
        {
            if (await handle(state) is { } answer)
            {
                await WriteAsync(context, answer);
            }
        });
    }

    private static Task WriteAsync(HttpContext context, JsonNode answer) => SimJson.WriteAsync(context, answer);
}

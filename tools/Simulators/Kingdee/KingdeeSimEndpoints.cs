using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ServerlessSync.Simulators.Kingdee.KingdeeSimAnswers;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The K/3 Cloud WebAPI under <c>/kingdee/k3cloud/{ServiceName}.common.kdsvc</c>. Business failures, throttling and
/// lost sessions answer HTTP 200 with a ResponseStatus, as the real server does; only injected faults answer 500.
/// </summary>
public static class KingdeeSimEndpoints
{
    public const string BasePath = "/kingdee/k3cloud/";
    public const string SessionHeader = "kdservice-sessionid";
    public const string SessionCookie = "kdservice-sessionid";

    private const string Login = "Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginBySign";
    private const string Save = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save";
    private const string BatchSave = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.BatchSave";
    private const string Submit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Submit";
    private const string Audit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Audit";
    private const string UnAudit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.UnAudit";
    private const string Delete = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Delete";
    private const string Query = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery";
    private const string Suffix = ".common.kdsvc";

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplication MapKingdeeProtocol(this WebApplication app)
    {
        app.MapPost(BasePath + "{service}", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<KingdeeSimulatorState>();
        var service = (context.Request.RouteValues["service"] as string ?? "").Replace(Suffix, "", StringComparison.Ordinal);
        if (service is not (Login or Save or BatchSave or Submit or Audit or UnAudit or Delete or Query))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var options = state.Options;
        var isQuery = service == Query;
        var inFlight = state.Metrics.Enter(service, state.Time.GetUtcNow());
        try
        {
            if ((options.MaxConcurrency > 0 && inFlight > options.MaxConcurrency) || !state.Bucket.TryTake(options.MaxCallsPerSecond))
            {
                state.Metrics.CountThrottled();
                await WriteAsync(context, Failure(isQuery, CallLimit, CallLimitMessage));
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

            var body = await ReadBodyAsync(context);
            if (service == Login)
            {
                await LoginAsync(context, state, body);
                return;
            }

            if (!state.Sessions.IsValid(SessionOf(context)))
            {
                state.Metrics.CountSessionRejection();
                await WriteAsync(context, Failure(isQuery, ContextLost, ContextLostMessage));
                return;
            }

            var request = KingdeeSimRequest.From(body);
            if (isQuery && request.FormId == KingdeeSimQuery.Inventory && state.TakeStockQueryFailure(options.FailStockQueries))
            {
                state.Metrics.CountTransientFailure();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("Internal Server Error (simulated stock outage)", context.RequestAborted);
                return;
            }

            switch (service)
            {
                case Save:
                    await SaveAsync(context, state, () => KingdeeSimWrites.Save(state, request));
                    break;
                case BatchSave:
                    await SaveAsync(context, state, () => KingdeeSimWrites.BatchSave(state, request));
                    break;
                case Submit:
                    await WriteAsync(context, KingdeeSimWrites.Submit(state, request));
                    break;
                case Audit:
                    await WriteAsync(context, KingdeeSimWrites.Audit(state, request));
                    break;
                case UnAudit:
                    await WriteAsync(context, KingdeeSimWrites.UnAudit(state, request));
                    break;
                case Delete:
                    await WriteAsync(context, KingdeeSimWrites.Delete(state, request));
                    break;
                default:
                    await WriteAsync(context, KingdeeSimQuery.Execute(state, request));
                    break;
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

    private static async Task LoginAsync(HttpContext context, KingdeeSimulatorState state, JsonNode? body)
    {
        switch (KingdeeSimLogin.Check(body, state.Options))
        {
            case KingdeeSimLogin.Verdict.UnknownAccount:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("Fail to verify thirty passport", context.RequestAborted);
                return;
            case KingdeeSimLogin.Verdict.Refused:
                await WriteAsync(context, LoginFailure(ContextLostMessage));
                return;
            default:
                var sessionId = state.Sessions.Issue(state.Time.GetUtcNow());
                context.Response.Cookies.Append(SessionCookie, sessionId, new CookieOptions { Path = "/", HttpOnly = true });
                context.Response.Cookies.Append("ASP.NET_SessionId", Guid.NewGuid().ToString("N")[..24], new CookieOptions { Path = "/", HttpOnly = true });
                await WriteAsync(context, LoginSuccess(sessionId, state.Options.UserName));
                return;
        }
    }

    /// <summary>
    /// Save and BatchSave. A slow commit (one roll per call) works for <see cref="KingdeeSimulatorOptions.SlowCommitSeconds"/>
    /// before storing anything, and goes on when the client gives up; only the simulator stopping ends it uncommitted.
    /// </summary>
    private static async Task SaveAsync(HttpContext context, KingdeeSimulatorState state, Func<KingdeeSimWrites.SaveOutcome> save)
    {
        if (!state.Roll(state.Options.SlowCommitRate))
        {
            await AnswerSaveAsync(context, state, save());
            return;
        }

        state.Metrics.CountSlowCommit();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, state.Options.SlowCommitSeconds)), stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        var committed = save();
        if (!context.RequestAborted.IsCancellationRequested)
        {
            await WriteAsync(context, committed.Answer);
        }
    }

    /// <summary>Save and BatchSave: one roll of the commit-then-timeout dice per call, so a batch loses the answer for all its bills.</summary>
    private static async Task AnswerSaveAsync(HttpContext context, KingdeeSimulatorState state, KingdeeSimWrites.SaveOutcome outcome)
    {
        if (outcome.Saved.Count > 0 && state.Roll(state.Options.CommitThenTimeoutRate))
        {
            // The bills are committed, but the client never learns it: hold the answer past its timeout, then drop the connection.
            state.Metrics.CountCommitThenTimeout();
            try
            {
                await Task.Delay(Math.Max(0, state.Options.CommitThenTimeoutHoldMs), context.RequestAborted);
            }
            finally
            {
                context.Abort();
            }

            return;
        }

        await WriteAsync(context, outcome.Answer);
    }

    private static string? SessionOf(HttpContext context)
    {
        var header = context.Request.Headers[SessionHeader].ToString();
        return string.IsNullOrEmpty(header) ? context.Request.Cookies[SessionCookie] : header;
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, JsonNode answer)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(answer.ToJsonString(Output), context.RequestAborted);
    }
}

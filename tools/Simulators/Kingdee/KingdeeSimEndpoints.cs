using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Simulators.Core;
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

        var isQuery = service == Query;
        Task CallLimited(HttpContext c) => WriteAsync(c, Failure(isQuery, CallLimit, CallLimitMessage));
        await SimErpCalls.RunAsync(context, state, service, new SimErpRefusals(CallLimited, CallLimited, SimErpRefusals.PlainServerError), async () =>
        {
            var body = await SimJson.ReadOrNullAsync(context);
            if (service == Login)
            {
                await LoginAsync(context, state, body);
                return;
            }

            if (!state.Sessions.IsValid(SessionOf(context)))
            {
                state.Metrics.Count(SimCounter.SessionRejections);
                await WriteAsync(context, Failure(isQuery, ContextLost, ContextLostMessage));
                return;
            }

            var request = KingdeeSimRequest.From(body);
            if (isQuery && request.FormId == KingdeeSimQuery.Inventory && state.TakeStockQueryFailure(state.Options.FailStockQueries))
            {
                state.Metrics.Count(SimCounter.TransientFailures);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("Internal Server Error (simulated stock outage)", context.RequestAborted);
                return;
            }

            await (service switch
            {
                Save => SaveAsync(context, state, () => KingdeeSimWrites.Save(state, request)),
                BatchSave => SaveAsync(context, state, () => KingdeeSimWrites.BatchSave(state, request)),
                Submit => WriteAsync(context, KingdeeSimWrites.Submit(state, request)),
                Audit => WriteAsync(context, KingdeeSimWrites.Audit(state, request)),
                UnAudit => WriteAsync(context, KingdeeSimWrites.UnAudit(state, request)),
                Delete => WriteAsync(context, KingdeeSimWrites.Delete(state, request)),
                _ => WriteAsync(context, KingdeeSimQuery.Execute(state, request)),
            });
        });
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

        state.Metrics.Count(SimCounter.SlowCommits);
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
            await SimErpCalls.HoldAndAbortAsync(context, state);
            return;
        }

        await WriteAsync(context, outcome.Answer);
    }

    private static string? SessionOf(HttpContext context)
    {
        var header = context.Request.Headers[SessionHeader].ToString();
        return string.IsNullOrEmpty(header) ? context.Request.Cookies[SessionCookie] : header;
    }

    private static Task WriteAsync(HttpContext context, JsonNode answer) => SimJson.WriteAsync(context, answer);
}

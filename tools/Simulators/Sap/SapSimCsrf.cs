using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// CSRF protection as SAP Gateway does it: a GET with <c>X-CSRF-Token: Fetch</c> opens (or reuses) a session and answers its
/// token with the SAP_SESSIONID and sap-XSRF cookies; a POST is let through only with that token and both cookies.
/// </summary>
public static class SapSimCsrf
{
    public const string HeaderName = "X-CSRF-Token";

    public static SapSimSessions.Session? SessionOf(HttpContext context, SapSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        return state.Sessions.Find(
            context.Request.Cookies[state.SessionCookieName], state.Time.GetUtcNow(), TimeSpan.FromSeconds(Math.Max(1, state.Options.SessionIdleSeconds)));
    }

    public static bool WantsToken(HttpRequest request) =>
        string.Equals(request.Headers[HeaderName].ToString(), "Fetch", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers the session's token, opening a session (and setting its cookies) when the request has none.</summary>
    public static void Issue(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        state.Metrics.Count(SimCounter.TokenFetches);
        if (session is null)
        {
            session = state.Sessions.Issue(state.Time.GetUtcNow());
            var cookie = new CookieOptions { Path = "/", HttpOnly = true };
            context.Response.Cookies.Append(state.SessionCookieName, session.Id, cookie);
            context.Response.Cookies.Append(state.XsrfCookieName, session.Xsrf, cookie);
            // Written by hand: the cookie helper would percent-encode the '=' inside the value, which SAP sends as it is.
            context.Response.Headers.Append("Set-Cookie", $"sap-usercontext=sap-client={state.Options.Client}; path=/");
        }

        context.Response.Headers[HeaderName] = session.Token;
    }

    /// <summary>Lets a write (POST, PATCH, MERGE) through with a valid token; otherwise answers 403 "Required" and counts it.</summary>
    public static async Task<bool> AdmitWriteAsync(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session)
    {
        if (IsValid(context, state, session))
        {
            return true;
        }

        state.Metrics.Count(SimCounter.CsrfRejections);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers[HeaderName] = "Required";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("CSRF token validation failed", context.RequestAborted);
        return false;
    }

    public static bool IsValid(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        return session is not null
            && context.Request.Headers[HeaderName].ToString() == session.Token
            && context.Request.Cookies[state.XsrfCookieName] == session.Xsrf;
    }
}

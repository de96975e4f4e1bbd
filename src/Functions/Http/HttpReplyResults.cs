
namespace ServerlessSync.Functions.Http;

public static class HttpReplyResults
{
    /// <summary>The host-neutral reply as an ASP.NET Core result: same status, body and content type, with the security headers.</summary>
    public static IActionResult ToActionResult(this HttpReply reply) =>
        new SecuredContentResult { StatusCode = reply.StatusCode, Content = reply.Body, ContentType = reply.ContentType };
}

/// <summary>A content result that carries <see cref="SecurityHeaders"/>.</summary>
public sealed class SecuredContentResult : ContentResult
{
    public override Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecurityHeaders.Apply(context.HttpContext.Response.Headers);
        return base.ExecuteResultAsync(context);
    }
}

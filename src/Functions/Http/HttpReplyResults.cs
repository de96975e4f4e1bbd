using Microsoft.AspNetCore.Mvc;
using ServerlessSync.Pipeline.Api;

namespace ServerlessSync.Functions.Http;

public static class HttpReplyResults
{
    /// <summary>The host-neutral reply as an ASP.NET Core result: same status, body and content type.</summary>
    public static IActionResult ToActionResult(this HttpReply reply) =>
        new ContentResult { StatusCode = reply.StatusCode, Content = reply.Body, ContentType = reply.ContentType };
}

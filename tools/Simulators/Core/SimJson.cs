using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Core;

/// <summary>How every simulator writes JSON: UTF-8, with Chinese text as it is (as the platforms and ERPs send it), not \u-escaped.</summary>
public static class SimJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Output);
    }

    /// <summary>A minimal-API answer: HTTP 200 with <paramref name="node"/>.</summary>
    public static IResult Reply(JsonNode node) => Results.Text(Text(node), ContentType, Encoding.UTF8);

    /// <summary>The request body as JSON; null when it is not JSON (the ERP then answers its own parameter error).</summary>
    public static async Task<JsonNode?> ReadOrNullAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="node"/> as the response body (the status code as already set).</summary>
    public static Task WriteAsync(HttpContext context, JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(Text(node), Encoding.UTF8, context.RequestAborted);
    }
}

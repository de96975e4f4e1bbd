using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessSync.Pipeline.Http;

/// <summary>A host-neutral HTTP answer; each host turns it into its own result type.</summary>
public sealed record HttpReply(int StatusCode, string Body, string ContentType = "application/json; charset=utf-8")
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static HttpReply JsonBody(int statusCode, object body) => new(statusCode, JsonSerializer.Serialize(body, Json));

    public static HttpReply Error(int statusCode, string reason) => JsonBody(statusCode, new { error = reason });

    public static HttpReply Text(int statusCode, string body) => new(statusCode, body, "text/plain; charset=utf-8");
}

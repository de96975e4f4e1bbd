using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>The open-API answer envelope <c>{data, code, msg, sub_code, sub_msg, log_id}</c>; errors come with HTTP 200.</summary>
public static class DouyinOpenApiEnvelope
{
    public const long Success = 10000;
    public const long ServiceError = 20000;
    public const long ParameterMissing = 40001;
    public const long ParameterInvalid = 40003;
    public const long BusinessFailed = 50002;
    public const long TrafficLimited = 60000;

    public static JsonObject Ok(JsonNode data) => Envelope(Success, "success", "", "", data);

    public static JsonObject Error(long code, string msg, string subCode, string subMsg) => Envelope(code, msg, subCode, subMsg, new JsonObject());

    private static JsonObject Envelope(long code, string msg, string subCode, string subMsg, JsonNode data) => new()
    {
        ["data"] = data,
        ["log_id"] = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..18],
        ["code"] = code,
        ["msg"] = msg,
        ["sub_code"] = subCode,
        ["sub_msg"] = subMsg,
    };
}

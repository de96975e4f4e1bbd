using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// The open-API answer envelope <c>{result, error_msg, code, msg, sub_code, sub_msg, data}</c>; errors come with HTTP 200.
/// The failure codes are the guesses documented on <see cref="KuaishouSimApiError"/>.
/// </summary>
public static class KuaishouOpenApiEnvelope
{
    public static JsonObject Ok(JsonNode data) => new()
    {
        ["result"] = KuaishouSimApiError.SuccessResult,
        ["error_msg"] = "",
        ["data"] = data,
        ["request_id"] = RequestId(),
    };

    public static JsonObject Error(long result, string errorMsg, string subCode, string subMsg) => new()
    {
        ["result"] = result,
        ["error_msg"] = errorMsg,
        ["code"] = result.ToString(CultureInfo.InvariantCulture),
        ["msg"] = errorMsg,
        ["sub_code"] = subCode,
        ["sub_msg"] = subMsg,
        ["request_id"] = RequestId(),
    };

    public static JsonObject AppKeyInvalid() => Error(KuaishouSimApiError.AppKeyInvalidResult, "appkey不存在或无效", "APPKEY_INVALID", "请检查appkey");

    public static JsonObject AccessTokenInvalid(string subMsg) => Error(KuaishouSimApiError.AccessTokenInvalidResult, "access_token无效", "ACCESS_TOKEN_INVALID", subMsg);

    public static JsonObject SignMethodInvalid() => Error(KuaishouSimApiError.SignMethodInvalidResult, "signMethod不支持", "SIGN_METHOD_INVALID", "signMethod需为MD5或HMAC_SHA256");

    public static JsonObject SignatureInvalid(string subMsg) => Error(KuaishouSimApiError.SignatureInvalidResult, "签名验证失败", "SIGN_INVALID", subMsg);

    public static JsonObject ParameterInvalid(string subMsg) => Error(KuaishouSimApiError.ParameterInvalidResult, "参数错误", "PARAM_INVALID", subMsg);

    public static JsonObject Throttled() => Error(KuaishouSimApiError.ThrottledResult, "调用频率超过限制", "RATE_LIMIT", "请求太频繁，请稍后重试");

    public static JsonObject OrderNotFound() => Error(KuaishouSimApiError.BusinessFailedResult, "订单不存在", "ORDER_NOT_EXIST", "订单不存在或不属于当前商家");

    private static string RequestId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}

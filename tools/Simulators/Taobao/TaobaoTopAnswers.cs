using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// TOP JSON answers, all with HTTP 200: <c>{"{api}_response": {..., "request_id"}}</c> or
/// <c>{"error_response": {code, msg, sub_code?, sub_msg?, request_id}}</c>.
/// </summary>
public static class TaobaoTopAnswers
{
    public static IResult Ok(string method, JsonObject body)
    {
        body["request_id"] = RequestId();
        return Answer(new JsonObject { [ResponseName(method)] = body });
    }

    public static IResult Error(long code, string msg, string? subCode = null, string? subMsg = null)
    {
        var error = new JsonObject { ["code"] = code, ["msg"] = msg };
        if (subCode is not null)
        {
            error["sub_code"] = subCode;
        }

        if (subMsg is not null)
        {
            error["sub_msg"] = subMsg;
        }

        error["request_id"] = RequestId();
        return Answer(new JsonObject { ["error_response"] = error });
    }

    public static IResult MissingArgument(string name) =>
        Error(TaobaoSimApiError.MissingRequiredArguments, $"Missing required arguments:{name}", $"isv.missing-parameter:{name}", $"缺少必选参数:{name}");

    public static IResult InvalidArgument(string name, string subMsg) =>
        Error(TaobaoSimApiError.InvalidArguments, $"Invalid arguments:{name}", $"isv.invalid-parameter:{name}", subMsg);

    /// <summary><c>taobao.trade.fullinfo.get</c> → <c>trade_fullinfo_get_response</c>.</summary>
    public static string ResponseName(string method) =>
        (method.StartsWith("taobao.", StringComparison.Ordinal) ? method["taobao.".Length..] : method).Replace('.', '_') + "_response";

    private static IResult Answer(JsonObject envelope) =>
        Results.Text(envelope.ToJsonString(SimJson.Output), "application/json;charset=UTF-8", Encoding.UTF8);

    private static string RequestId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..13];
}

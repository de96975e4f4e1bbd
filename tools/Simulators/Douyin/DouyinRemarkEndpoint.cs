using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// <c>POST /douyin/order/addOrderRemark</c> (loop.md §1, DD <c>order_addOrderRemark_request.go</c>): the gateway checks, then
/// <c>order_id</c> and <c>remark</c> (strings, required, remark at most 60 characters), <c>is_add_star</c> ("true"/"false")
/// and <c>star</c> ("0".."5") optional. The remark becomes the order's <c>seller_words</c>; <c>data</c> is an empty object.
/// </summary>
/// <remarks>
/// Whether the platform replaces or appends is not documented; the simulator replaces, the case in which a caller that
/// does not read the note first would lose a person's text. The error codes for a long remark or a bad star are the
/// simulator's choice within the documented envelope (40003 非法的参数).
/// </remarks>
public static class DouyinRemarkEndpoint
{
    public const string Path = "/order/addOrderRemark";
    public const int MaxRemarkChars = 60;

    public static async Task<IResult> AddOrderRemarkAsync(
        HttpContext http, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var (param, refusal) = await DouyinOpenApiEndpoints.AdmitStringParamsAsync(http, Path, options, faults, time.GetUtcNow());
        if (param is null)
        {
            return refusal!;
        }

        var orderId = param["order_id"]?.GetValue<string>();
        var remark = param["remark"]?.GetValue<string>();
        if (string.IsNullOrEmpty(orderId) || remark is null)
        {
            return DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterMissing, "缺少必选参数", "isv.parameter-missing", "缺少参数 order_id/remark");
        }

        if (remark.Length > MaxRemarkChars)
        {
            return Invalid("isv.parameter-invalid", $"备注最大不得超过{MaxRemarkChars}个字符");
        }

        if (param["is_add_star"]?.GetValue<string>() is { } addStar && addStar is not ("true" or "false"))
        {
            return Invalid("isv.parameter-invalid", "is_add_star 只能为 true 或 false");
        }

        int? star = null;
        if (param["star"]?.GetValue<string>() is { } starText)
        {
            if (starText is not { Length: 1 } || starText[0] is < '0' or > '5')
            {
                return Invalid("isv.parameter-invalid", "star 取值 0-5");
            }

            star = starText[0] - '0';
        }

        if (store.Find(orderId) is null || store.SetRemark(orderId, remark, star) is null)
        {
            return DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.BusinessFailed, "业务处理失败", "isv.business-failed:订单不存在", "订单不存在");
        }

        return DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(new JsonObject()));
    }

    private static IResult Invalid(string subCode, string subMsg) =>
        DouyinOpenApiEndpoints.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", subCode, subMsg);
}

namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoApiErrorTests
{
    [Theory]
    [InlineData(7, "App Call Limited", "accesscontrol.limited-by-app-access-count", true, true)]
    [InlineData(7, "App Call Limited", null, true, true)]
    [InlineData(15, "Remote service error", "accesscontrol.limited-by-api-access-count", true, true)]
    [InlineData(15, "Remote service error", "isv.api-call-limit", true, true)]
    [InlineData(15, "Remote service error", "isp.call-limited", true, true)]
    [InlineData(15, "Remote service error", "isp.top-remote-connection-timeout", false, true)]
    [InlineData(10, "Service Currently Unavailable", null, false, true)]
    [InlineData(15, "Remote service error", "isv.trade-not-exist", false, false)]
    [InlineData(15, "Remote service error", "isv.invalid-parameter:limit", false, false)]
    [InlineData(25, "Invalid Signature", null, false, false)]
    [InlineData(27, "Invalid Session", "invalid-sessionkey", false, false)]
    [InlineData(41, "Invalid Arguments", "isv.invalid-parameter", false, false)]
    public void Throttling_and_platform_side_failures_are_transient_the_rest_is_not(long code, string msg, string? subCode, bool throttled, bool transient)
    {
        var error = new TaobaoApiError(code, msg, subCode, null, "req-1");

        Assert.Equal(throttled, error.IsThrottled);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public void Error_response_envelope_is_read_and_described_without_its_message()
    {
        var json = """{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-api-access-count","sub_msg":"This ban will last for 1 more seconds","request_id":"abc123"}}""";

        var error = TaobaoTradeParser.ParseFullInfoResponse(json, "tb_shop_01").Error!;

        Assert.Equal(new TaobaoApiError(7, "App Call Limited", "accesscontrol.limited-by-api-access-count", "This ban will last for 1 more seconds", "abc123"), error);
        Assert.True(error.IsTransient);
        Assert.Equal("code 7, sub_code accesscontrol.limited-by-api-access-count, request_id abc123", error.ToString());
    }
}

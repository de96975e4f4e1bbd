namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

public sealed class DouyinApiSignerTests
{
    [Fact]
    public void Sign_matches_a_hand_computed_hmac_sha256()
    {
        // hex(hmac_sha256(key="test-secret", "test-secret" + pattern + "test-secret")), computed outside .NET.
        var sign = DouyinApiSigner.Sign("test-key", "test-secret", "order.orderDetail", """{"shop_order_id":"6917530340000000001"}""", "1700000000");

        Assert.Equal("b5d6bb03dd5a2ba88ab8cedc8e4542d929b85094472ab5365c0b0de8341a055a", sign);
    }

    [Fact]
    public void Param_json_sorts_keys_at_every_level_and_keeps_html_and_cjk_unescaped()
    {
        var json = DouyinApiSigner.ParamJson(new Dictionary<string, object>
        {
            ["size"] = 100,
            ["combine_status"] = new[] { new Dictionary<string, string> { ["order_status"] = "2", ["main_status"] = "<&>" } },
            ["b_type"] = "抖音",
        });

        Assert.Equal("""{"b_type":"抖音","combine_status":[{"main_status":"<&>","order_status":"2"}],"size":100}""", json);
    }

    [Fact]
    public void Request_carries_every_query_parameter_and_the_param_json_body()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1700000000);

        var request = DouyinApiSigner.BuildRequest("test-key", "test-secret", "tok en", "/order/orderDetail",
            new Dictionary<string, string> { ["shop_order_id"] = "6917530340000000001" }, now);

        Assert.Equal("order.orderDetail", request.Method);
        Assert.Equal("""{"shop_order_id":"6917530340000000001"}""", request.Body);
        Assert.Equal("b5d6bb03dd5a2ba88ab8cedc8e4542d929b85094472ab5365c0b0de8341a055a", request.Sign);
        Assert.Equal(
            "/order/orderDetail?app_key=test-key&method=order.orderDetail&timestamp=1700000000&v=2" +
            "&sign=b5d6bb03dd5a2ba88ab8cedc8e4542d929b85094472ab5365c0b0de8341a055a&sign_method=hmac-sha256&access_token=tok%20en",
            request.PathAndQuery);
    }

    [Fact]
    public void Verify_accepts_the_genuine_sign_and_refuses_any_change()
    {
        var request = DouyinApiSigner.BuildRequest("k", "s", "t", "/order/orderDetail", new { shop_order_id = "1" }, DateTimeOffset.UtcNow);

        Assert.True(DouyinApiSigner.Verify("k", "s", request.Method, request.Body, request.Timestamp, request.Sign));
        Assert.True(DouyinApiSigner.Verify("k", "s", request.Method, request.Body, request.Timestamp, request.Sign.ToUpperInvariant()));
        Assert.False(DouyinApiSigner.Verify("k", "s", request.Method, """{"shop_order_id":"2"}""", request.Timestamp, request.Sign));
        Assert.False(DouyinApiSigner.Verify("k", "other", request.Method, request.Body, request.Timestamp, request.Sign));
        Assert.False(DouyinApiSigner.Verify("k", "s", request.Method, request.Body, request.Timestamp, null));
    }

    [Fact]
    public void Timestamp_freshness_allows_the_skew_and_no_more()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var skew = TimeSpan.FromMinutes(10);

        Assert.True(DouyinApiSigner.IsTimestampFresh("1700000600", now, skew));
        Assert.True(DouyinApiSigner.IsTimestampFresh("1699999400", now, skew));
        Assert.False(DouyinApiSigner.IsTimestampFresh("1699999399", now, skew));
        Assert.False(DouyinApiSigner.IsTimestampFresh("2023-11-14 22:13:20", now, skew));
    }
}

namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoTopSignerTests
{
    // 2024-01-02 03:04:05 in Beijing.
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 19, 4, 5, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Business = new()
    {
        ["fields"] = "tid,status",
        ["tid"] = "3512345678901234567",
    };

    [Fact]
    public void Md5_sign_matches_a_hand_computed_value()
    {
        // UPPER(md5("test-secret" + "app_key12345678fieldstid,statusformatjson...v2.0" + "test-secret")), computed outside .NET.
        var request = TaobaoTopRequest.Build("12345678", "test-secret", "test-session", TaobaoMethods.TradeFullInfoGet, Business, Now, TaobaoSignMethod.Md5);

        Assert.Equal(
            "app_key12345678fieldstid,statusformatjsonmethodtaobao.trade.fullinfo.getsessiontest-session" +
            "sign_methodmd5tid3512345678901234567timestamp2024-01-02 03:04:05v2.0",
            TaobaoTopSigner.StringToSign(request.Parameters));
        Assert.Equal("1855F1F5278F5A50B1E74A7E4F072208", request.Sign);
    }

    [Fact]
    public void Hmac_sign_matches_a_hand_computed_hmac_md5()
    {
        // UPPER(hmac_md5(key="test-secret", concat)), computed outside .NET.
        var request = TaobaoTopRequest.Build("12345678", "test-secret", "test-session", TaobaoMethods.TradeFullInfoGet, Business, Now, TaobaoSignMethod.Hmac);

        Assert.Equal("84C20D838E8BDA546AE453BE97085FA9", request.Sign);
    }

    [Fact]
    public void Parameters_sort_ordinally_utf8_values_sign_and_sign_itself_is_excluded()
    {
        var parameters = new Dictionary<string, string> { ["b"] = "淘宝", ["a"] = "1", ["A"] = "2", ["sign"] = "IGNORED" };

        Assert.Equal("A2a1b淘宝", TaobaoTopSigner.StringToSign(parameters));
        Assert.Equal("AC810B1F873A7528665D642A4B2C62A6", TaobaoTopSigner.Sign(parameters, "s", TaobaoSignMethod.Md5));
    }

    [Fact]
    public void Request_carries_the_system_parameters_in_beijing_time_and_a_form_body()
    {
        var request = TaobaoTopRequest.Build("k", "s", "sess ion", TaobaoMethods.TradeFullInfoGet, Business, Now);

        Assert.Equal("2024-01-02 03:04:05", request.Parameters["timestamp"]);
        Assert.Equal("json", request.Parameters["format"]);
        Assert.Equal("2.0", request.Parameters["v"]);
        Assert.Equal("md5", request.Parameters["sign_method"]);
        Assert.Equal("sess ion", request.Parameters["session"]);
        Assert.Contains("timestamp=2024-01-02%2003%3A04%3A05", request.FormBody, StringComparison.Ordinal);
        Assert.Contains("session=sess%20ion", request.FormBody, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TaobaoTopRequest.Build("k", "s", null, "m", new Dictionary<string, string> { ["sign"] = "x" }, Now));
        Assert.Throws<ArgumentException>(() => TaobaoTopRequest.Build("k", "s", null, "m", Business, Now, "hmac-sha256"));
    }

    [Fact]
    public void Verify_accepts_both_methods_any_case_and_refuses_any_change()
    {
        foreach (var method in new[] { TaobaoSignMethod.Md5, TaobaoSignMethod.Hmac })
        {
            var request = TaobaoTopRequest.Build("k", "s", "t", TaobaoMethods.TradeFullInfoGet, Business, Now, method);
            var tampered = new Dictionary<string, string>(request.Parameters) { ["tid"] = "3512345678901234568" };

            Assert.True(TaobaoTopSigner.Verify(request.Parameters, "s", method, request.Sign));
            Assert.True(TaobaoTopSigner.Verify(request.Parameters, "s", method, request.Sign.ToLowerInvariant()));
            Assert.False(TaobaoTopSigner.Verify(tampered, "s", method, request.Sign));
            Assert.False(TaobaoTopSigner.Verify(request.Parameters, "other", method, request.Sign));
            Assert.False(TaobaoTopSigner.Verify(request.Parameters, "s", method, null));
            Assert.False(TaobaoTopSigner.Verify(request.Parameters, "s", "sha1", request.Sign));
        }
    }
}

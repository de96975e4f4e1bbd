namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

public sealed class KuaishouApiSignerTests
{
    private static Dictionary<string, string?> Parameters(string signMethod) => new()
    {
        ["appkey"] = "test-app-key",
        ["method"] = "open.order.detail",
        ["version"] = "1",
        ["param"] = """{"oid":2607602240240301}""",
        ["access_token"] = "test-token",
        ["timestamp"] = "1700000000000",
        ["signMethod"] = signMethod,
    };

    [Fact]
    public void Signing_text_sorts_the_parameters_and_appends_the_sign_secret()
    {
        Assert.Equal(
            """access_token=test-token&appkey=test-app-key&method=open.order.detail&param={"oid":2607602240240301}&signMethod=MD5&timestamp=1700000000000&version=1&signSecret=test-sign-secret""",
            KuaishouApiSigner.SigningText(Parameters("MD5"), "test-sign-secret"));
    }

    [Fact]
    public void Md5_sign_matches_a_hand_computed_value()
    {
        // md5 of the signing text above, lowercase hex, computed with Python's hashlib.
        Assert.Equal("474973a57bd77df40e2a49ccf59490d3", KuaishouApiSigner.Sign(Parameters("MD5"), "test-sign-secret", KuaishouApiSigner.Md5));
    }

    [Fact]
    public void Hmac_sha256_sign_matches_a_hand_computed_value()
    {
        // base64(hmac_sha256(key = "test-sign-secret", signing text)), computed with Python's hmac.
        Assert.Equal(
            "XBopdCwUsMzs4C8OMLD4ndWYGuIY5bbL5PxIJoHniYY=",
            KuaishouApiSigner.Sign(Parameters("HMAC_SHA256"), "test-sign-secret", KuaishouApiSigner.HmacSha256));
    }

    [Fact]
    public void Request_carries_every_system_parameter_url_encoded_with_the_sign()
    {
        var request = KuaishouApiSigner.BuildRequest(
            "test-app-key", "test-sign-secret", "test-token", "open.order.detail",
            new Dictionary<string, long> { ["oid"] = 2607602240240301 }, DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), KuaishouApiSigner.Md5);

        Assert.Equal("/open/order/detail", request.Path);
        Assert.Equal("""{"oid":2607602240240301}""", request.Param);
        Assert.Equal("474973a57bd77df40e2a49ccf59490d3", request.Sign);
        Assert.Equal(
            "/open/order/detail?appkey=test-app-key&method=open.order.detail&version=1&param=%7B%22oid%22%3A2607602240240301%7D" +
            "&access_token=test-token&timestamp=1700000000000&signMethod=MD5&sign=474973a57bd77df40e2a49ccf59490d3",
            request.PathAndQuery);
    }

    [Fact]
    public void Verify_accepts_the_genuine_sign_and_refuses_any_change()
    {
        var request = KuaishouApiSigner.BuildRequest("k", "s", "t", "open.order.cursor.list", new { pageSize = 50 }, DateTimeOffset.UtcNow);
        var received = request.Parameters.ToDictionary(p => p.Key, p => (string?)p.Value);

        Assert.Equal(KuaishouApiSigner.HmacSha256, received["signMethod"]);
        Assert.True(KuaishouApiSigner.Verify(received, "s"));
        Assert.False(KuaishouApiSigner.Verify(received, "other-secret"));
        Assert.False(KuaishouApiSigner.Verify(new Dictionary<string, string?>(received) { ["param"] = """{"pageSize":51}""" }, "s"));
        Assert.False(KuaishouApiSigner.Verify(new Dictionary<string, string?>(received) { ["signMethod"] = "SHA1" }, "s"));
        Assert.False(KuaishouApiSigner.Verify(new Dictionary<string, string?>(received) { ["sign"] = null }, "s"));
    }

    [Fact]
    public void Md5_signs_are_compared_case_insensitively()
    {
        var parameters = Parameters("MD5");
        parameters["sign"] = "474973A57BD77DF40E2A49CCF59490D3";

        Assert.True(KuaishouApiSigner.Verify(parameters, "test-sign-secret"));
    }

    [Fact]
    public void Timestamps_are_milliseconds_within_the_skew()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        Assert.True(KuaishouApiSigner.IsTimestampFresh("1700000600000", now, TimeSpan.FromMinutes(10)));
        Assert.False(KuaishouApiSigner.IsTimestampFresh("1700000600001", now, TimeSpan.FromMinutes(10)));
        Assert.False(KuaishouApiSigner.IsTimestampFresh("1700000000", now, TimeSpan.FromMinutes(10)));
    }
}

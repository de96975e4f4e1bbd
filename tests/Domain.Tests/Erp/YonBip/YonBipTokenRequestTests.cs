namespace ServerlessSync.Domain.Tests.Erp.YonBip;

public sealed class YonBipTokenRequestTests
{
    [Fact]
    public void String_to_sign_is_names_and_values_in_name_order_as_in_the_reference_example()
    {
        Assert.Equal(
            "appKey41832a3d2df94989b500da6a22268747timestamp1568098531823",
            YonBipTokenRequest.StringToSign("41832a3d2df94989b500da6a22268747", 1568098531823));
    }

    [Fact]
    public void Signature_is_base64_hmac_sha256_keyed_with_the_app_secret()
    {
        // Hand-computed: base64(hmac_sha256(key="b7f3c5a1e9d24c6f8a0b1c2d3e4f5a6b", msg=the reference's string to sign)).
        var signature = YonBipTokenRequest.ComputeSignature("41832a3d2df94989b500da6a22268747", "b7f3c5a1e9d24c6f8a0b1c2d3e4f5a6b", 1568098531823);

        Assert.Equal("dbhWYofiP4ArgrG77HcvXjhClpQGgJDBh7XMHu4dGgk=", signature);
    }

    [Fact]
    public void Query_url_encodes_the_signature_once()
    {
        // Hand-computed signature I0+mShPcYOsAzrqzCcoUu0JiOi4FNRZUf/8umb3tYhU= carries '+', '/' and '='.
        var query = YonBipTokenRequest.BuildQuery("sim-yonbip-app-key", "sim-yonbip-app-secret", 1700000000004);

        Assert.Equal("appKey=sim-yonbip-app-key&timestamp=1700000000004&signature=I0%2BmShPcYOsAzrqzCcoUu0JiOi4FNRZUf%2F8umb3tYhU%3D", query);
    }

    [Fact]
    public void Token_answer_gives_token_and_lifetime_and_refusals_keep_their_code()
    {
        var ok = YonBipTokenResult.Parse("""{"code":"00000","message":"成功！","data":{"access_token":"AT123","expire":7200}}""");
        var noExpire = YonBipTokenResult.Parse("""{"code":"00000","data":{"access_token":"AT9"}}""");
        var refused = YonBipTokenResult.Parse("""{"code":"10018","message":"应用不存在或appKey已停用"}""");

        Assert.True(ok.IsSuccess);
        Assert.Equal("AT123", ok.AccessToken);
        Assert.Equal(7200, ok.ExpireSeconds);
        Assert.Equal(YonBipTokenResult.DefaultExpireSeconds, noExpire.ExpireSeconds);
        Assert.False(refused.IsSuccess);
        Assert.Equal("10018", refused.Code);
        Assert.DoesNotContain("AT123", ok.ToString(), StringComparison.Ordinal);
    }
}

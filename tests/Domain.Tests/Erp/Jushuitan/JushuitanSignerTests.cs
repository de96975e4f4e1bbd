namespace ServerlessSync.Domain.Tests.Erp.Jushuitan;

public sealed class JushuitanSignerTests
{
    private static readonly JushuitanCredentials Credentials =
        new("b0b7d1db226d4216a3d58df9ffa2dde5", "99c4cef262f34ca882975a7064de0b87", "b7e3b1e24e174593af8ca5c397e53dad");

    private const string Biz = """{"so_ids":["6921234567890123"]}""";

    [Fact]
    public void String_to_sign_is_the_secret_then_sorted_keys_and_values_without_sign()
    {
        var fields = JushuitanRequest.Build(Credentials, Biz, 1700000000);

        Assert.Equal(
            "99c4cef262f34ca882975a7064de0b87access_tokenb7e3b1e24e174593af8ca5c397e53dadapp_keyb0b7d1db226d4216a3d58df9ffa2dde5" +
            "biz{\"so_ids\":[\"6921234567890123\"]}charsetutf-8timestamp1700000000version2",
            JushuitanSigner.StringToSign(fields, Credentials.AppSecret));
    }

    [Fact]
    public void Request_carries_every_public_parameter_and_the_hand_computed_md5_sign()
    {
        var fields = JushuitanRequest.Build(Credentials, Biz, 1700000000).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal(["access_token", "app_key", "biz", "charset", "sign", "timestamp", "version"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("utf-8", fields["charset"]);
        Assert.Equal("2", fields["version"]);
        Assert.Equal("1700000000", fields["timestamp"]);
        Assert.Equal(Biz, fields["biz"]);
        // Hand-computed: md5 of the string to sign above.
        Assert.Equal("c197f45ce2f78d86b7e6fa6f34fc08dd", fields["sign"]);
    }

    [Fact]
    public void Empty_biz_is_sent_as_an_empty_object_and_secrets_stay_out_of_logs()
    {
        var fields = JushuitanRequest.Build(Credentials, "", 1700000000).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("{}", fields["biz"]);
        Assert.DoesNotContain(Credentials.AppSecret, Credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.AccessToken, Credentials.ToString(), StringComparison.Ordinal);
    }
}

namespace ServerlessSync.Simulators.Tests.Protocol;

/// <summary>
/// Known answers pin the hub's protocol code (src/Domain) and the simulators' own (tools/Simulators) to the same
/// published or independently computed values, so neither can drift along with the other. Each vector says where it is from.
/// </summary>
public sealed class ProtocolKnownAnswerTests
{
    // WeChat's official message-crypto sample (WXBizMsgCrypt, Java WXBizMsgCryptTest.testAesEncrypt): fixed random prefix.
    private const string WxKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string WxAppId = "wxb11529c136998cb6";
    private const string WxMessage = "我是中文abcd123";
    private const string WxCipher = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    // WeChat's official C++ sample (Sample.cpp): token, timestamp, nonce, Encrypt and the msg_signature it answers; key as above.
    private const string WxSampleToken = "spamtest";
    private const string WxSampleTimestamp = "1410349438";
    private const string WxSampleNonce = "298025754";
    private const string WxSampleAppId = "wx2c2769f8efd9abc2";
    private const string WxSampleSignature = "003fee52ecc56afb46c00b5c7721be87860ce785";
    private const string WxSampleEncrypt = "mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=";

    [Fact]
    public void WeChat_encryption_reproduces_the_official_sample_and_the_hub_decrypts_it()
    {
        Assert.Equal(WxCipher, WeChatSimCrypto.Encrypt(WxKey, WxMessage, WxAppId, Encoding.ASCII.GetBytes("aaaabbbbccccdddd")));

        var decrypted = new WeChatMessageCrypto(WxKey).TryDecrypt(WxCipher, out var error);
        Assert.Equal(new WeChatDecryptedMessage(WxMessage, WxAppId), decrypted);
        Assert.Null(error);
    }

    [Fact]
    public void WeChat_msg_signature_matches_the_official_sample_on_both_sides_and_the_hub_opens_its_message()
    {
        Assert.Equal(WxSampleSignature, WeChatSimCrypto.Signature(WxSampleToken, WxSampleTimestamp, WxSampleNonce, WxSampleEncrypt));
        Assert.Equal(WxSampleSignature, WeChatSignature.Compute(WxSampleToken, WxSampleTimestamp, WxSampleNonce, WxSampleEncrypt));

        var opened = new WeChatMessageCrypto(WxKey).TryDecrypt(WxSampleEncrypt, out _);
        Assert.Equal(WxSampleAppId, opened!.AppId);
        Assert.Contains("<ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>", opened.Message);
    }

    [Fact]
    public void WeChat_simulator_pushes_open_with_the_hubs_crypto()
    {
        var sealedText = WeChatSimCrypto.Encrypt(WxKey, "{\"Event\":\"channels_ec_order_pay\"}", WxAppId);

        Assert.Equal(new WeChatDecryptedMessage("{\"Event\":\"channels_ec_order_pay\"}", WxAppId), new WeChatMessageCrypto(WxKey).TryDecrypt(sealedText, out _));
    }

    [Fact]
    public void Taobao_sign_matches_the_TOP_documentation_example_on_both_sides()
    {
        // The TOP signing guide's worked example: secret "test", these parameters, 32-character upper-case MD5.
        var parameters = new Dictionary<string, string>
        {
            ["method"] = "taobao.user.seller.get", ["timestamp"] = "2013-05-06 13:52:03", ["format"] = "xml", ["app_key"] = "test",
            ["v"] = "2.0", ["fields"] = "nick", ["sign_method"] = "md5", ["session"] = "test",
        };

        Assert.Equal("72CB4D809B375A54502C09360D879C64", TaobaoSimSignatures.Sign(parameters, "test", "md5"));
        Assert.Equal("72CB4D809B375A54502C09360D879C64", TaobaoTopSigner.Sign(parameters, "test", "md5"));
        Assert.True(TaobaoSimSignatures.Matches(parameters, "test", "md5", "72cb4d809b375a54502c09360d879c64"));
    }

    [Fact]
    public void Douyin_signatures_match_values_computed_outside_dotnet_on_both_sides()
    {
        // 抖店's documentation gives the formulas but no worked example; these were computed with Python's hashlib/hmac
        // from the documented formulas (platforms.md §1.1 and §1.2).
        var body = Encoding.UTF8.GetBytes("""[{"tag":"101","msg_id":"7000000000000000001","data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300}"}]""");
        Assert.Equal("f00f695bccfaa3c448617bcffa59c8ac", DouyinSimSignatures.EventSign("test-app-key", "test-app-secret", body));
        Assert.Equal("f00f695bccfaa3c448617bcffa59c8ac", DouyinPushVerifier.ComputeEventSign("test-app-key", "test-app-secret", body));

        const string paramJson = """{"order_asc":true,"page":0,"size":100}""";
        const string apiSign = "82c6435ce92f9ba5418e7e185a51be2df5c2062add1c7767eeabe700d68ccb95";
        Assert.Equal(apiSign, DouyinSimSignatures.ApiSign("sim-douyin-app-key", "sim-douyin-app-secret", "order.searchList", paramJson, "1762862400"));
        Assert.Equal(apiSign, DouyinApiSigner.Sign("sim-douyin-app-key", "sim-douyin-app-secret", "order.searchList", paramJson, "1762862400"));
    }

    [Fact]
    public void Kuaishou_signatures_and_push_cipher_match_values_computed_outside_dotnet_on_both_sides()
    {
        // 快手's documentation gives the formulas but no worked example: Python hashlib/hmac for the signatures,
        // `openssl enc -aes-128-cbc -K hex("test-message-key") -iv 0 -base64` for the push body.
        var query = new Dictionary<string, string?>
        {
            ["appkey"] = "ks-app", ["method"] = "open.order.cursor.list", ["version"] = "1", ["param"] = """{"pageSize":50}""",
            ["access_token"] = "tok", ["timestamp"] = "1762862400000", ["signMethod"] = "MD5",
        };
        Assert.Equal("43a46447da2dc97f3dda9def8ea37461", KuaishouSimSignatures.ApiSign(query, "ks-sign-secret", "MD5"));
        Assert.Equal("43a46447da2dc97f3dda9def8ea37461", KuaishouApiSigner.Sign(query, "ks-sign-secret", "MD5"));
        query["signMethod"] = "HMAC_SHA256";
        Assert.Equal("sAmCmo8sS0oObnQcnm4JW4D6p2ZNCf3KEb0YfGuKlu4=", KuaishouSimSignatures.ApiSign(query, "ks-sign-secret", "HMAC_SHA256"));
        Assert.Equal("sAmCmo8sS0oObnQcnm4JW4D6p2ZNCf3KEb0YfGuKlu4=", KuaishouApiSigner.Sign(query, "ks-sign-secret", "HMAC_SHA256"));

        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes("test-message-key"));
        const string cipher = "DuXnCQVWI7zLk9hP8bQA+PtmQO/5SuSpx5YsZnHbZPZgL1WiEK5EkGCGsRbE2c8i";
        Assert.Equal(cipher, KuaishouSimSignatures.EncryptPush("""{"event":"kwaishop_order_paySuccess"}""", key));
        Assert.True(KuaishouPushCipher.TryDecodeBody(Encoding.ASCII.GetBytes(cipher), out var bytes));
        Assert.True(KuaishouPushCipher.TryDecrypt(bytes, KuaishouPushCipher.KeyFromMessageKey(key), out var plaintext));
        Assert.Equal("""{"event":"kwaishop_order_paySuccess"}""", plaintext);
    }
}

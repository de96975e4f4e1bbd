using V = ServerlessSync.Domain.Tests.Platforms.WeChat.WeChatTestVectors;

namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

public sealed class WeChatHandshakeTests
{
    private static readonly WeChatMessageCrypto Crypto = new(V.EncodingAesKey);
    private static readonly WeChatShopDirectory Shops = new([new WeChatShopApp("shop-1", V.AppId)], new Dictionary<string, string>(), null);

    [Fact]
    public void Signatures_match_the_sha1_values_computed_outside_dotnet()
    {
        Assert.Equal(V.HandshakeSignature, WeChatSignature.Compute(V.Token, V.Timestamp, V.Nonce));
        Assert.Equal(V.MsgSignature, WeChatSignature.Compute(V.Token, V.Timestamp, V.Nonce, V.Encrypted));
        Assert.True(WeChatSignature.Verify(V.HandshakeSignature.ToUpperInvariant(), V.Nonce, V.Token, V.Timestamp));
    }

    [Fact]
    public void A_correctly_signed_verification_is_answered_with_the_echostr_verbatim()
    {
        var result = WeChatHandshake.Answer(V.Token, Crypto, Shops, V.HandshakeSignature, null, V.Timestamp, V.Nonce, "5838479218127813673");

        Assert.Equal(WeChatHandshakeResult.Echo("5838479218127813673"), result);
    }

    [Fact]
    public void A_wrong_signature_is_401_and_echoes_nothing()
    {
        var forged = WeChatSignature.Compute("guessed-token", V.Timestamp, V.Nonce);

        var result = WeChatHandshake.Answer(V.Token, Crypto, Shops, forged, null, V.Timestamp, V.Nonce, "5838479218127813673");

        Assert.Equal((false, 401, ""), (result.Accepted, result.StatusCode, result.Reply));
        Assert.Equal(400, WeChatHandshake.Answer(V.Token, Crypto, Shops, V.HandshakeSignature, null, V.Timestamp, V.Nonce, null).StatusCode);
    }

    [Fact]
    public void An_encrypted_echostr_signed_by_msg_signature_is_answered_decrypted()
    {
        var echo = Crypto.Encrypt("echo-123", V.AppId);
        var msgSignature = WeChatSignature.Compute(V.Token, V.Timestamp, V.Nonce, echo);

        Assert.Equal("echo-123", WeChatHandshake.Answer(V.Token, Crypto, Shops, null, msgSignature, V.Timestamp, V.Nonce, echo).Reply);
        var otherApp = Crypto.Encrypt("echo-123", "wxffffffffffffffff");
        var otherSignature = WeChatSignature.Compute(V.Token, V.Timestamp, V.Nonce, otherApp);
        Assert.Equal(401, WeChatHandshake.Answer(V.Token, Crypto, Shops, null, otherSignature, V.Timestamp, V.Nonce, otherApp).StatusCode);
    }
}

namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

/// <summary>
/// Fixed values, and what they produce computed outside .NET (Python's base64/struct/hashlib and the openssl CLI:
/// <c>openssl enc -aes-256-cbc -K &lt;key&gt; -iv &lt;key[0..16]&gt; -nopad</c> over the hand-built padded plaintext).
/// </summary>
internal static class WeChatTestVectors
{
    /// <summary>WeChat's documentation sample key.</summary>
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary>Base64(EncodingAesKey + "=") as hex.</summary>
    public const string AesKeyHex = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";

    public const string Token = "test-token";
    public const string AppId = "wx0123456789abcdef";
    public const string UserName = "gh_test";
    public const string Timestamp = "1700000000";
    public const string Nonce = "123456789";

    /// <summary>The 16-byte random prefix used for the vector: the ASCII text "0123456789abcdef".</summary>
    public const string RandomPrefix = "0123456789abcdef";

    /// <summary>The pushed message; its order id 3705115058471208928 exceeds 2^53.</summary>
    public const string Message =
        """{"ToUserName":"gh_test","FromUserName":"o_buyer","CreateTime":1700000000,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1700000000}}""";

    /// <summary>
    /// 16 random + 4 length (0x000000b8 = 184) + 184 message + 18 appid = 222 bytes, padded with 27 bytes of 0x1b to 256
    /// (a 32-byte PKCS#7 block; a 16-byte block would have padded 2 bytes), AES-256-CBC, Base64.
    /// </summary>
    public const string Encrypted =
        "Q3stYC6hdFzMh9T8HCvyDGo2ORrPXrDVPArqBKoq0EGkGqJAwDb/aYdDPBvbvWKM+baVbvS3VhaORvmRYxf1FmG7cB0uA5gEYyzuOSNQ2N/h9LHNYboJSS45GvslaQe17PqmHn6rAwStZd1kloSwoA+I9Mme51VPSIy907UdcwSv5HpZqxwstCBbcTs9V0osD71Ds9JK88ixM0tGhCWZ3n9VN0qeDvxU85AChVHA4G6nIK06s782wqvDP4/FE/tC2QSDYZ3jnI6dIAycWBEgQmzdZiJSR23s8D3UUnoFnj5eI9dZX7c9gjb9/VEuMQt93l18L7TK6DHyRBN+gLS3Xw==";

    /// <summary>sha1("123456789" + "1700000000" + "test-token"): the URL-verification signature.</summary>
    public const string HandshakeSignature = "e316fc41b2d0c4ba907cda584bd5bec6f8e25ad0";

    /// <summary>sha1 of Token, Timestamp, Nonce and <see cref="Encrypted"/>, sorted and concatenated.</summary>
    public const string MsgSignature = "d54439e7289bb5e237995d73238f00d7c8bc2e85";
}

namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

public sealed class KuaishouPushAdapterTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private readonly KuaishouPushAdapter adapter = new(KuaishouPushFixture.AppKey, KuaishouPushFixture.MessageKey);

    private PushOutcome Send(string plaintext) => adapter.Process(KuaishouPushFixture.Encrypt(plaintext), ReceivedAt);

    [Fact]
    public void Decrypts_a_body_encrypted_outside_dotnet_with_the_documented_algorithm()
    {
        // openssl enc -aes-128-cbc -K hex("test-message-key") -iv 00…00 -base64 -A over the envelope asserted below.
        var body = Encoding.ASCII.GetBytes(
            "TtYOh5nAvc95opI9VitaJmLmmTcpBqHabdzaUAGOYtKmVdrjwXen6H1RXl767R5Ky8ff/DjWlmzbTM8mBaVZyapSP+zriFNaFFNa89U0RNE52NgPj1tl51X1MsNzd0/9WHmpmQDm4pN7Wb4hinSYvqsWK1WRiGrQ5Sb1vn+LKYB1GFNzpkJRrIY3GthA9BafYON74DgzQQQisbmDWpwcftzeXaP6U1kClfhVYNkGUsuZ/nYmGn9KbDliC2qvcAQZSFX0lj2sPVs0hlrVuOs2fDQtloEy+OKNGNkKGaZY+dvXv1gB/2FhpRIg0miPlcnENeME8ol9NhqoCzmSScfdlArIGnRn2yY4sabp2XfWV6tISMDmTU7AMga/wrtoOT9AoMShMFNuqTW+Az7dBSSD+Al+83rGSOWCvbj2ID4PyNxHuVU5TEnfeGYvO9i9pecjqOn3oF/T3QoqyEHpYcj9FA==");

        var outcome = adapter.Process(body, ReceivedAt);

        Assert.Equal(PushOutcomeKind.Orders, outcome.Kind);
        var message = Assert.Single(outcome.Messages);
        Assert.Equal(
            new OrderEvent("kuaishou", "5000100", "2607602240240301", "trade.paid", DateTimeOffset.FromUnixTimeMilliseconds(1762862460000), "m-1"),
            message.Event);
        Assert.Equal(
            """{"eventId":"e-1","msgId":"m-1","bizId":2607602240240301,"userId":5000100,"openId":"f19abc","appKey":"test-app-key","event":"kwaishop_order_paySuccess","info":"{\"oid\":2607602240240301,\"sellerId\":5000100,\"status\":30,\"updateTime\":1762862460000}","status":30,"createTime":1762862460000,"updateTime":1762862460000,"operator":"","test":false}""",
            message.RawMessage);
    }

    [Fact]
    public void Genuine_order_event_names_shop_order_time_and_message()
    {
        var envelope = KuaishouPushFixture.Envelope(
            eventName: "kwaishop_order_addOrder", updateTime: 1762862400123, msgId: "msg-77",
            info: """{"oid":2607602240240301,"sellerId":5000100,"createTime":1762862400123,"openId":"f19abc","buyerOpenId":"f18def"}""");

        var outcome = Send(envelope);

        var e = Assert.Single(outcome.Messages).Event;
        Assert.Equal(("kuaishou", "5000100", "2607602240240301"), (e.Platform, e.ShopId, e.OrderId));
        Assert.Equal("trade.created", e.Event);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1762862400123), e.EventTime);
        Assert.Equal("msg-77", e.MsgId);
        Assert.Equal(envelope, outcome.Messages[0].RawMessage);
    }

    [Fact]
    public void Ids_beyond_two_to_the_53_keep_every_digit()
    {
        // 2^53 + 1 and + 3: a double would round them to even neighbours.
        var outcome = Send(KuaishouPushFixture.Envelope(bizId: "9007199254740993", userId: "9007199254740995"));

        var e = Assert.Single(outcome.Messages).Event;
        Assert.Equal("9007199254740993", e.OrderId);
        Assert.Equal("9007199254740995", e.ShopId);
    }

    [Fact]
    public void After_sale_events_name_the_order_in_info_not_in_bizId()
    {
        var outcome = Send(KuaishouPushFixture.Envelope(
            eventName: "kwaishop_aftersales_updateRefund", bizId: "3100000000000001",
            info: """{"orderId":2607602240240301,"refundId":3100000000000001,"handlingWay":10,"status":60,"eventType":"X","updateTime":1762862999000}"""));

        var e = Assert.Single(outcome.Messages).Event;
        Assert.Equal(("refund.updated", "2607602240240301"), (e.Event, e.OrderId));
    }

    [Fact]
    public void Heartbeat_is_a_test_push()
    {
        var outcome = Send(KuaishouPushFixture.Envelope(test: true, bizId: "0", info: "{}"));

        Assert.Equal(PushOutcomeKind.Test, outcome.Kind);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Events_the_sync_ignores_are_acknowledged_without_order_events()
    {
        var outcome = Send(KuaishouPushFixture.Envelope(eventName: "kwaishop_order_addNote", info: """{"note":"x"}"""));

        Assert.Equal(PushOutcomeKind.Orders, outcome.Kind);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Body_encrypted_with_another_key_is_rejected_with_401()
    {
        var forged = KuaishouPushFixture.Encrypt(KuaishouPushFixture.Envelope(), Convert.ToBase64String(Encoding.ASCII.GetBytes("another-key-0123")));

        var outcome = adapter.Process(forged, ReceivedAt);

        Assert.Equal((PushOutcomeKind.Rejected, 401), (outcome.Kind, outcome.RejectStatusCode));
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Base64_that_is_not_whole_cipher_blocks_is_rejected_with_401()
    {
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.ASCII.GetBytes("seventeen bytes!!")));

        Assert.Equal(401, adapter.Process(body, ReceivedAt).RejectStatusCode);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("""{"eventId":"e-1","event":"kwaishop_order_paySuccess"}""")]
    [InlineData("")]
    [InlineData("   ")]
    public void Body_that_is_not_base64_cipher_text_gets_the_one_not_ours_answer(string body)
    {
        Assert.Equal(KuaishouPushAdapter.NotOurs, adapter.Process(Encoding.UTF8.GetBytes(body), ReceivedAt));
    }

    [Fact]
    public void Every_decryption_failure_gets_the_same_status_and_reason()
    {
        var wrongKey = KuaishouPushFixture.Encrypt(KuaishouPushFixture.Envelope(), Convert.ToBase64String(Encoding.ASCII.GetBytes("another-key-0123")));
        var partialBlock = Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.ASCII.GetBytes("seventeen bytes!!")));
        var genuine = Encoding.ASCII.GetString(KuaishouPushFixture.Encrypt(KuaishouPushFixture.Envelope(), KuaishouPushFixture.MessageKey));
        var cipher = Convert.FromBase64String(genuine);
        cipher[^1] ^= 0x5a; // last block's padding broken
        var badPadding = Encoding.ASCII.GetBytes(Convert.ToBase64String(cipher));
        byte[][] bodies = [wrongKey, partialBlock, badPadding, Encoding.UTF8.GetBytes("%%%"), KuaishouPushFixture.Encrypt("not json at all"), KuaishouPushFixture.Encrypt("[1,2,3]"), KuaishouPushFixture.Encrypt("""{"appKey":"another"}""")];

        var answers = bodies.Select(b => adapter.Process(b, ReceivedAt)).Select(o => (o.Kind, o.RejectStatusCode, o.RejectReason)).Distinct().ToList();

        Assert.Equal([(PushOutcomeKind.Rejected, 401, KuaishouPushAdapter.NotOurs.RejectReason)], answers);
    }

    [Theory]
    [InlineData("another-app-key")]
    [InlineData("")]
    public void Envelope_for_another_app_key_is_rejected_with_401(string appKey)
    {
        Assert.Equal(401, Send(KuaishouPushFixture.Envelope(appKey: appKey)).RejectStatusCode);
    }

    [Fact]
    public void Envelope_without_app_key_is_rejected_with_401()
    {
        Assert.Equal(401, Send("""{"msgId":"m-1","bizId":1,"userId":2,"event":"kwaishop_order_paySuccess","test":false}""").RejectStatusCode);
    }

    [Theory]
    [InlineData("""{"msgId":"m-1","bizId":1,"userId":2,"appKey":"test-app-key","event":"kwaishop_order_paySuccess","info":"{not json"}""")]
    [InlineData("""{"msgId":"m-1","userId":2,"appKey":"test-app-key","event":"kwaishop_order_paySuccess","info":"{}"}""")]
    [InlineData("""{"msgId":"m-1","bizId":1.5,"userId":2,"appKey":"test-app-key","event":"kwaishop_order_paySuccess"}""")]
    [InlineData("""{"bizId":1,"userId":2,"appKey":"test-app-key","event":"kwaishop_order_paySuccess"}""")]
    [InlineData("""{"msgId":"m-1","bizId":1,"userId":2,"appKey":"test-app-key"}""")]
    [InlineData("""{"msgId":"m-1","bizId":1,"userId":2,"appKey":"test-app-key","event":"kwaishop_aftersales_addRefund","info":"{\"refundId\":5}"}""")]
    public void Decrypted_body_that_is_not_a_well_formed_envelope_is_rejected_with_400(string plaintext)
    {
        var outcome = Send(plaintext);

        Assert.Equal((PushOutcomeKind.Rejected, 400), (outcome.Kind, outcome.RejectStatusCode));
    }

    [Fact]
    public void Oversized_body_is_rejected_with_413_before_decrypting()
    {
        var body = new byte[KuaishouPushAdapter.MaxBodyBytes + 1];
        Array.Fill(body, (byte)'A');

        Assert.Equal(413, adapter.Process(body, ReceivedAt).RejectStatusCode);
    }

    [Fact]
    public void A_message_without_any_time_takes_the_receive_time()
    {
        var outcome = Send("""{"msgId":"m-1","bizId":1234,"userId":5678,"appKey":"test-app-key","event":"kwaishop_order_orderFail","info":"{}"}""");

        var e = Assert.Single(outcome.Messages).Event;
        Assert.Equal(("trade.cancelled", ReceivedAt), (e.Event, e.EventTime));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_message_key_that_is_not_base64_of_an_aes_key_is_refused_at_construction(string messageKey)
    {
        Assert.Throws<ArgumentException>(() => new KuaishouPushAdapter("k", messageKey));
    }

    [Theory]
    [InlineData("""{"oid":2607602240240301,"sellerId":5000100,"status":30,"updateTime":1762862460000,"remark":"\ud800"}""")]
    [InlineData("""{"oid":2607602240240301,"sellerId":5000100,"status":30,"updateTime":1762862460000,"\udfff":1}""")]
    public void A_genuine_push_whose_info_holds_a_lone_surrogate_escape_is_400(string info)
    {
        var outcome = Send(KuaishouPushFixture.Envelope(info: info));

        Assert.Equal((PushOutcomeKind.Rejected, 400), (outcome.Kind, outcome.RejectStatusCode));
    }

    [Fact]
    public void A_genuine_push_whose_envelope_holds_a_lone_surrogate_escape_is_400()
    {
        var outcome = Send(KuaishouPushFixture.Envelope(msgId: "m-\\ud800"));

        Assert.Equal((PushOutcomeKind.Rejected, 400), (outcome.Kind, outcome.RejectStatusCode));
    }
}

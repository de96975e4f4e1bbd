namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

public sealed class DouyinPushAdapterTests
{
    private const string AppKey = "test-app-key";
    private const string AppSecret = "test-app-secret";
    private static readonly DateTimeOffset ReceivedAt = new(2025, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private readonly DouyinPushAdapter adapter = new(AppKey, AppSecret);

    private static string Element(string tag, string msgId, string dataJson) =>
        $$"""{"tag":"{{tag}}","msg_id":"{{msgId}}","data":{{JsonSerializer.Serialize(dataJson)}}}""";

    private static byte[] Body(params string[] elements) => Encoding.UTF8.GetBytes("[" + string.Join(",", elements) + "]");

    private PushOutcome Send(byte[] body) =>
        adapter.Process(AppKey, DouyinPushVerifier.ComputeEventSign(AppKey, AppSecret, body), body, ReceivedAt);

    [Fact]
    public void Event_sign_matches_a_hand_computed_md5_over_the_raw_body()
    {
        var body = Encoding.UTF8.GetBytes("""[{"tag":"101","msg_id":"7000000000000000001","data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300}"}]""");

        // md5("test-app-key" + body + "test-app-secret"), computed outside .NET.
        Assert.Equal("f00f695bccfaa3c448617bcffa59c8ac", DouyinPushVerifier.ComputeEventSign(AppKey, AppSecret, body));
    }

    [Fact]
    public void Genuine_push_yields_one_event_per_order_message()
    {
        var created = Element("100", "m-1", """{"biz":2,"create_time":1762862400,"order_status":1,"order_type":0,"p_id":6917530340000000001,"s_ids":[6917530340000000001],"shop_id":100200300}""");
        var paid = Element("101", "m-2", """{"biz":2,"order_status":105,"order_type":0,"p_id":6917530340000000001,"pay_amount":19800,"pay_time":1762862460,"pay_type":1,"s_ids":[6917530340000000001],"shop_id":100200300}""");

        var outcome = Send(Body(created, paid));

        Assert.Equal(PushOutcomeKind.Orders, outcome.Kind);
        Assert.Collection(
            outcome.Messages,
            m =>
            {
                Assert.Equal(new OrderEvent("douyin", "100200300", "6917530340000000001", "trade.created", DateTimeOffset.FromUnixTimeSeconds(1762862400), "m-1"), m.Event);
                Assert.Equal(created, m.RawMessage);
            },
            m =>
            {
                Assert.Equal("trade.paid", m.Event.Event);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862460), m.Event.EventTime);
                Assert.Equal("m-2", m.Event.MsgId);
                Assert.Equal(paid, m.RawMessage);
            });
    }

    [Fact]
    public void Ids_beyond_two_to_the_53_keep_every_digit()
    {
        // 2^53 + 1: a double would round it to ...992.
        var outcome = Send(Body(Element("101", "m-1", """{"p_id":9007199254740993,"shop_id":9007199254740995,"pay_time":1762862460}""")));

        var e = Assert.Single(outcome.Messages).Event;
        Assert.Equal("9007199254740993", e.OrderId);
        Assert.Equal("9007199254740995", e.ShopId);
    }

    [Fact]
    public void Data_is_decoded_from_its_json_string_encoding()
    {
        // The data string itself contains escaped quotes and a non-ASCII reason.
        var body = Encoding.UTF8.GetBytes("""[{"tag":"106","msg_id":"m-9","data":"{\"cancel_reason\":\"买家取消\",\"cancel_time\":1762862999,\"p_id\":6917530340000000001,\"shop_id\":100200300}"}]""");

        var e = Assert.Single(Send(body).Messages).Event;
        Assert.Equal("trade.cancelled", e.Event);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862999), e.EventTime);
    }

    [Fact]
    public void Verification_message_is_a_test()
    {
        var outcome = Send(Body("""{"tag":"0","msg_id":"0","data":"{}"}"""));

        Assert.Equal(PushOutcomeKind.Test, outcome.Kind);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Unknown_tags_are_acknowledged_without_events()
    {
        var outcome = Send(Body(Element("999", "m-1", """{"p_id":1,"shop_id":2}""")));

        Assert.Equal(PushOutcomeKind.Orders, outcome.Kind);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void A_message_without_a_time_field_takes_the_receive_time()
    {
        var e = Assert.Single(Send(Body(Element("110", "m-1", """{"p_id":6917530340000000001,"shop_id":100200300,"order_status":2}"""))).Messages).Event;

        Assert.Equal("trade.paid_pending", e.Event);
        Assert.Equal(ReceivedAt, e.EventTime);
    }

    [Fact]
    public void An_impossible_time_falls_back_to_the_receive_time_instead_of_failing()
    {
        var e = Assert.Single(Send(Body(Element("101", "m-1", """{"p_id":1234,"shop_id":5678,"pay_time":99999999999999999}"""))).Messages).Event;

        Assert.Equal(ReceivedAt, e.EventTime);
    }

    [Fact]
    public void Signature_is_compared_case_insensitively()
    {
        var body = Body(Element("101", "m-1", """{"p_id":1234,"shop_id":5678,"pay_time":1762862460}"""));
        var upper = DouyinPushVerifier.ComputeEventSign(AppKey, AppSecret, body).ToUpperInvariant();

        Assert.Equal(PushOutcomeKind.Orders, adapter.Process(AppKey, upper, body, ReceivedAt).Kind);
    }

    [Fact]
    public void Forged_signature_is_rejected_with_401()
    {
        var body = Body(Element("101", "m-1", """{"p_id":1234,"shop_id":5678}"""));
        var forged = DouyinPushVerifier.ComputeEventSign(AppKey, "guessed-secret", body);

        var outcome = adapter.Process(AppKey, forged, body, ReceivedAt);

        Assert.Equal(PushOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(401, outcome.RejectStatusCode);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Signature_covers_the_exact_bytes()
    {
        var body = Body(Element("101", "m-1", """{"p_id":1234,"shop_id":5678}"""));
        var sign = DouyinPushVerifier.ComputeEventSign(AppKey, AppSecret, body);
        var reformatted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(",", ", "));

        Assert.Equal(401, adapter.Process(AppKey, sign, reformatted, ReceivedAt).RejectStatusCode);
    }

    [Theory]
    [InlineData("another-app-key")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_or_missing_app_id_is_rejected_with_401(string? appId)
    {
        var body = Body(Element("101", "m-1", """{"p_id":1234,"shop_id":5678}"""));

        var outcome = adapter.Process(appId, DouyinPushVerifier.ComputeEventSign(AppKey, AppSecret, body), body, ReceivedAt);

        Assert.Equal(401, outcome.RejectStatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"tag":"101","msg_id":"m-1","data":"{}"}""")]
    [InlineData("[]")]
    [InlineData("""[{"tag":"101","data":"{\"p_id\":1,\"shop_id\":2}"}]""")]
    [InlineData("""[{"tag":"101","msg_id":"m-1","data":"{\"shop_id\":2}"}]""")]
    [InlineData("""[{"tag":"101","msg_id":"m-1","data":"{\"p_id\":1.5,\"shop_id\":2}"}]""")]
    [InlineData("""[{"tag":"101","msg_id":"m-1","data":"not json"}]""")]
    [InlineData("""[{"tag":"101","msg_id":"m-1"}]""")]
    public void Malformed_or_incomplete_body_is_rejected_with_400(string body)
    {
        var outcome = Send(Encoding.UTF8.GetBytes(body));

        Assert.Equal(PushOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(400, outcome.RejectStatusCode);
    }

    [Fact]
    public void One_bad_message_rejects_the_whole_push()
    {
        var good = Element("101", "m-1", """{"p_id":1234,"shop_id":5678}""");
        var bad = Element("100", "m-2", """{"shop_id":5678}""");

        var outcome = Send(Body(good, bad));

        Assert.Equal(400, outcome.RejectStatusCode);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Oversized_body_is_rejected_with_413_even_when_signed()
    {
        var padding = new string(' ', DouyinPushAdapter.MaxBodyBytes);
        var body = Encoding.UTF8.GetBytes("[" + padding + Element("101", "m-1", """{"p_id":1,"shop_id":2}""") + "]");

        Assert.Equal(413, Send(body).RejectStatusCode);
    }

    [Fact]
    public void An_adapter_without_a_secret_verifies_nothing_not_even_a_push_signed_with_the_empty_secret()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("[]");
        var withoutSecret = new DouyinPushAdapter(AppKey, "");

        var outcome = withoutSecret.Process(AppKey, DouyinPushVerifier.ComputeEventSign(AppKey, "", body), body, ReceivedAt);

        Assert.Equal(401, outcome.RejectStatusCode);
        Assert.False(DouyinPushVerifier.IsSignatureValid(AppKey, "", DouyinPushVerifier.ComputeEventSign(AppKey, "", body), body));
    }

    [Theory]
    [InlineData("outer lone surrogate", """[{"tag":"101","msg_id":"m-\ud800","data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300}"}]""")]
    [InlineData("lone surrogate inside data", """[{"tag":"101","msg_id":"m-1","data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300,\"remark\":\"\\udc00\"}"}]""")]
    [InlineData("lone surrogate in a property name", """[{"tag":"101","msg_id":"m-1","x\udbff":1,"data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300}"}]""")]
    public void A_validly_signed_push_with_text_that_is_not_text_is_400(string what, string json)
    {
        var outcome = Send(Encoding.UTF8.GetBytes(json));

        Assert.True((PushOutcomeKind.Rejected, 400) == (outcome.Kind, outcome.RejectStatusCode), what);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void A_validly_signed_push_with_bytes_that_are_not_utf8_is_400()
    {
        var valid = Encoding.UTF8.GetBytes("""[{"tag":"101","msg_id":"m-1","data":"{\"p_id\":6917530340000000001,\"shop_id\":100200300,\"remark\":\"ab\"}"}]""");
        var broken = valid.ToList();
        broken.InsertRange(broken.IndexOf((byte)'a'), new byte[] { 0xC3, 0x28, 0xFF });

        var outcome = Send([.. broken]);

        Assert.Equal((PushOutcomeKind.Rejected, 400, PushText.InvalidUtf8), (outcome.Kind, outcome.RejectStatusCode, outcome.RejectReason));
    }
}

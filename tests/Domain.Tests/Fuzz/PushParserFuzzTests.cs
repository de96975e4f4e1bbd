using ServerlessSync.Domain.Tests.Platforms.Taobao;
using V = ServerlessSync.Domain.Tests.Platforms.WeChat.WeChatTestVectors;

namespace ServerlessSync.Domain.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the push parsers behind their gates: the bodies are signed or encrypted with the test
/// keys, so the parsers themselves see the hostile input. Every call returns a push outcome (Taobao, which has no push:
/// its trade parser returns or throws its validation error) within the allocation bound.
/// </summary>
public sealed class PushParserFuzzTests
{
    private const int Iterations = 1_500;
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);

    [Fact]
    public void Douyin_push_adapter_answers_every_signed_body()
    {
        const string appKey = "fuzz-app-key", appSecret = "fuzz-app-secret";
        var adapter = new DouyinPushAdapter(appKey, appSecret);
        var valid = """[{"tag":"101","msg_id":"m-1","data":"{\"p_id\":6900000000000000001,\"s_ids\":[6900000000000000001],\"shop_id\":100200300,\"order_status\":2,\"order_type\":0,\"pay_time\":1700000000,\"pay_amount\":9900,\"update_time\":1700000000}"}]""";
        var inner = """{"p_id":6900000000000000001,"s_ids":[6900000000000000001],"shop_id":100200300,"order_status":2,"pay_amount":9900,"update_time":1700000000}""";
        var gen = Gen.Frequency((3, FuzzInputs.Documents(valid)), (2, FuzzInputs.Mutations(inner).Select(d => $$"""[{"tag":"101","msg_id":"m-1","data":{{JsonSerializer.Serialize(d)}}}]""")));

        gen.Sample(body =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            FuzzBounds.Check(bytes.Length, () => Answered(adapter.Process(appKey, DouyinPushVerifier.ComputeEventSign(appKey, appSecret, bytes), bytes, ReceivedAt)), () => body);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Kuaishou_push_adapter_answers_every_body_encrypted_with_its_key()
    {
        var adapter = new KuaishouPushAdapter(KuaishouPushFixture.AppKey, KuaishouPushFixture.MessageKey);
        var gen = Gen.Frequency(
            (3, FuzzInputs.Documents(KuaishouPushFixture.Envelope(), KuaishouPushFixture.Envelope(eventName: "kwaishop_aftersales_addRefund", info: """{"refundId":5,"oid":2607602240240301,"sellerId":5000100}"""))),
            (2, FuzzInputs.Mutations("""{"oid":2607602240240301,"sellerId":5000100,"status":30,"updateTime":1762862460000}""").Select(info => KuaishouPushFixture.Envelope(info: info))));

        gen.Sample(plaintext =>
        {
            var body = KuaishouPushFixture.Encrypt(plaintext);
            FuzzBounds.Check(body.Length, () => Answered(adapter.Process(body, ReceivedAt)), () => plaintext);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void WeChat_push_adapter_answers_every_message_encrypted_and_signed_for_it()
    {
        var crypto = new WeChatMessageCrypto(V.EncodingAesKey);
        var adapter = new WeChatPushAdapter(V.Token, crypto,
            new WeChatShopDirectory([new WeChatShopApp("wx-shop-1", V.AppId)], new Dictionary<string, string> { [V.UserName] = "wx-shop-1" }, V.AppId),
            WeChatPushAdapter.DefaultMaxTimestampSkew);
        var timestamp = ReceivedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var refund = """{"ToUserName":"gh_test","FromUserName":"o_buyer","CreateTime":1700000000,"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"status":"MERCHANT_PROCESSING","after_sale_order_id":"1","order_id":"3705115058471208928"}}""";

        FuzzInputs.Documents(V.Message, refund).Sample(message =>
        {
            var encrypt = crypto.Encrypt(message, V.AppId);
            var query = new WeChatPushQuery(WeChatSignature.Compute(V.Token, timestamp, "n-1", encrypt), timestamp, "n-1", "aes");
            var body = Encoding.UTF8.GetBytes($$"""{"ToUserName":"gh_test","Encrypt":"{{encrypt}}"}""");
            FuzzBounds.Check(body.Length, () => Answered(adapter.Process(query, body, ReceivedAt)), () => message);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Taobao_trade_parser_returns_or_refuses_every_answer()
    {
        FuzzInputs.Documents(TaobaoTradeFixture.MultiLineWithGift, TaobaoTradeFixture.SingleLineSimplified).Sample(json =>
            FuzzBounds.Check(Encoding.UTF8.GetByteCount(json), () => TaobaoTradeParser.ParseFullInfoResponse(json, "tb-shop-1"), () => json),
            iter: Iterations, threads: 1);
    }

    private static void Answered(PushOutcome outcome)
    {
        if (outcome.Kind == PushOutcomeKind.Rejected && outcome.RejectStatusCode is < 400 or > 499)
        {
            throw new Xunit.Sdk.XunitException($"a rejection must be a 4xx, was {outcome.RejectStatusCode}");
        }
    }
}

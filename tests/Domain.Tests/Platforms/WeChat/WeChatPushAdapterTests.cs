using V = ServerlessSync.Domain.Tests.Platforms.WeChat.WeChatTestVectors;

namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

public sealed class WeChatPushAdapterTests
{
    private const string ShopId = "wx-shop-1";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
    private static readonly WeChatMessageCrypto Crypto = new(V.EncodingAesKey);

    private readonly WeChatPushAdapter adapter = new(
        V.Token,
        Crypto,
        new WeChatShopDirectory([new WeChatShopApp(ShopId, V.AppId)], new Dictionary<string, string> { [V.UserName] = ShopId }, V.AppId),
        WeChatPushAdapter.DefaultMaxTimestampSkew);

    private static (WeChatPushQuery Query, byte[] Body) Push(
        string message, string? appId = null, string? token = null, DateTimeOffset? at = null, string toUserName = V.UserName)
    {
        var encrypt = Crypto.Encrypt(message, appId ?? V.AppId);
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new WeChatPushQuery(WeChatSignature.Compute(token ?? V.Token, timestamp, "n-1", encrypt), timestamp, "n-1", "aes");
        return (query, Encoding.UTF8.GetBytes($$"""{"ToUserName":"{{toUserName}}","Encrypt":"{{encrypt}}"}"""));
    }

    private static string Message(string eventName, string body, long createTime = 1_700_000_000, string toUserName = V.UserName) =>
        $$"""{"ToUserName":"{{toUserName}}","FromUserName":"o_buyer","CreateTime":{{createTime}},"MsgType":"event","Event":"{{eventName}}",{{body}}}""";

    private PushOutcome Send((WeChatPushQuery Query, byte[] Body) push) => adapter.Process(push.Query, push.Body, Now);

    [Fact]
    public void The_fixed_vector_is_accepted_with_the_order_id_exact_beyond_two_to_the_53()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"ToUserName":"gh_test","Encrypt":"{{V.Encrypted}}"}""");
        var outcome = adapter.Process(new WeChatPushQuery(V.MsgSignature, V.Timestamp, V.Nonce, "aes"), body, Now);

        Assert.Equal(PushOutcomeKind.Orders, outcome.Kind);
        var message = Assert.Single(outcome.Messages);
        Assert.Equal(
            new OrderEvent("wechat", ShopId, "3705115058471208928", "channels_ec_order_pay", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
                "channels_ec_order_pay-3705115058471208928-1700000000"),
            message.Event);
        Assert.Equal(V.Message, message.RawMessage);
    }

    [Fact]
    public void Every_order_event_of_the_reference_is_an_order_message()
    {
        foreach (var eventName in WeChatPushEvents.OrderEvents)
        {
            var outcome = Send(Push(Message(eventName, """ "order_info":{"order_id":9007199254740993} """)));

            var e = Assert.Single(outcome.Messages).Event;
            Assert.Equal((eventName, "9007199254740993"), (e.Event, e.OrderId));
        }
    }

    [Fact]
    public void After_sale_updates_name_the_order_and_keep_status_changes_apart()
    {
        var refunding = Send(Push(Message(WeChatPushEvents.AfterSaleUpdate,
            """ "finder_shop_aftersale_status_update":{"after_sale_order_id":"4705115058471208001","status":"MERCHANT_PROCESSING","order_id":"3705115058471208928"} """)));
        var refunded = Send(Push(Message(WeChatPushEvents.AfterSaleUpdate,
            """ "finder_shop_aftersale_status_update":{"after_sale_order_id":"4705115058471208001","status":"MERCHANT_REFUND_SUCCESS","order_id":"3705115058471208928"} """)));

        var first = Assert.Single(refunding.Messages).Event;
        var second = Assert.Single(refunded.Messages).Event;
        Assert.Equal("3705115058471208928", first.OrderId);
        Assert.NotEqual(first.MsgId, second.MsgId);
    }

    [Fact]
    public void A_redelivery_newly_encrypted_and_signed_gets_the_same_msg_id()
    {
        var message = Message(WeChatPushEvents.OrderNew, """ "order_info":{"order_id":3705115058471208928} """);

        var original = Push(message);
        var redelivery = Push(message, at: Now.AddSeconds(10));

        var first = Assert.Single(Send(original).Messages).Event;
        var again = Assert.Single(adapter.Process(redelivery.Query, redelivery.Body, Now.AddSeconds(10)).Messages).Event;

        Assert.NotEqual(original.Body, redelivery.Body);
        Assert.Equal(first.MsgId, again.MsgId);
    }

    [Fact]
    public void A_forged_msg_signature_is_401()
    {
        var outcome = Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":1} """), token: "guessed-token"));

        Assert.Equal((PushOutcomeKind.Rejected, 401), (outcome.Kind, outcome.RejectStatusCode));
        Assert.Contains("msg_signature", outcome.RejectReason);
    }

    [Fact]
    public void A_message_encrypted_for_another_app_is_401()
    {
        var outcome = Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":1} """), appId: "wxffffffffffffffff"));

        Assert.Equal((PushOutcomeKind.Rejected, 401), (outcome.Kind, outcome.RejectStatusCode));
        Assert.Contains("appid", outcome.RejectReason);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_off_is_401(int offsetSeconds)
    {
        var outcome = Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":1} """), at: Now.AddSeconds(offsetSeconds)));

        Assert.Equal((PushOutcomeKind.Rejected, 401), (outcome.Kind, outcome.RejectStatusCode));
        Assert.Contains("timestamp", outcome.RejectReason);
        Assert.Equal(PushOutcomeKind.Orders, Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":1} """), at: Now.AddSeconds(offsetSeconds > 0 ? 299 : -299))).Kind);
    }

    [Fact]
    public void A_correctly_signed_but_undecryptable_encrypt_is_401()
    {
        var encrypt = new WeChatMessageCrypto("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut").Encrypt("{}", V.AppId);
        var query = new WeChatPushQuery(WeChatSignature.Compute(V.Token, V.Timestamp, V.Nonce, encrypt), V.Timestamp, V.Nonce, "aes");

        var outcome = adapter.Process(query, Encoding.UTF8.GetBytes($$"""{"ToUserName":"gh_test","Encrypt":"{{encrypt}}"}"""), Now);

        Assert.Equal((PushOutcomeKind.Rejected, 401), (outcome.Kind, outcome.RejectStatusCode));
        Assert.Contains("decrypt", outcome.RejectReason);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""["Encrypt"]""")]
    [InlineData("""{"ToUserName":"gh_test"}""")]
    [InlineData("<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>")]
    public void A_malformed_envelope_is_400(string body)
    {
        var outcome = adapter.Process(new WeChatPushQuery("x", V.Timestamp, V.Nonce, "aes"), Encoding.UTF8.GetBytes(body), Now);

        Assert.Equal((PushOutcomeKind.Rejected, 400), (outcome.Kind, outcome.RejectStatusCode));
    }

    [Fact]
    public void A_genuine_push_whose_message_is_not_json_or_lacks_the_order_is_400()
    {
        Assert.Equal(400, Send(Push("this is not json")).RejectStatusCode);
        Assert.Equal(400, Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"pay_time":1} """))).RejectStatusCode);
        Assert.Equal(400, Send(Push("""{"ToUserName":"gh_test","MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":1}}""")).RejectStatusCode);
    }

    [Fact]
    public void An_oversized_body_is_413_and_a_push_without_secure_mode_parameters_is_401()
    {
        var oversized = adapter.Process(new WeChatPushQuery("x", V.Timestamp, V.Nonce, "aes"), new byte[WeChatPushAdapter.MaxBodyBytes + 1], Now);
        var plain = adapter.Process(new WeChatPushQuery(null, V.Timestamp, V.Nonce, null), Encoding.UTF8.GetBytes("""{"ToUserName":"gh_test"}"""), Now);

        Assert.Equal(413, oversized.RejectStatusCode);
        Assert.Equal(401, plain.RejectStatusCode);
    }

    [Fact]
    public void Other_events_are_acknowledged_without_recording_anything()
    {
        var outcome = Send(Push(Message("product_spu_listing", """ "ProductSpuListing":{"product_id":"1"} """)));

        Assert.Equal(PushOutcomeKind.Test, outcome.Kind);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void The_shop_comes_from_to_user_name_through_configuration_or_from_the_app_id()
    {
        var shops = new WeChatShopDirectory(
            [new WeChatShopApp("shop-a", "wxaaaaaaaaaaaaaaaa"), new WeChatShopApp("shop-b", "wxbbbbbbbbbbbbbbbb")],
            new Dictionary<string, string> { ["gh_a"] = "shop-a" },
            null);

        Assert.Equal("shop-a", shops.Resolve("gh_a", "wxaaaaaaaaaaaaaaaa").ShopId);
        Assert.Equal("shop-b", shops.Resolve("gh_unmapped", "wxbbbbbbbbbbbbbbbb").ShopId);
        Assert.Equal("shop-b", shops.Resolve("shop-b", "wxbbbbbbbbbbbbbbbb").ShopId);
        Assert.Equal(401, shops.Resolve("gh_a", "wxbbbbbbbbbbbbbbbb").RejectStatusCode);
        Assert.False(shops.IsKnownApp("wxcccccccccccccccc"));
    }

    [Fact]
    public void A_genuine_push_for_a_shop_not_configured_yet_is_held_with_what_resolves_it_later()
    {
        var twoShopsOnTheApp = new WeChatPushAdapter(
            V.Token,
            Crypto,
            new WeChatShopDirectory([new WeChatShopApp("shop-1", V.AppId), new WeChatShopApp("shop-2", V.AppId)], new Dictionary<string, string> { ["gh_1"] = "shop-1" }, V.AppId),
            WeChatPushAdapter.DefaultMaxTimestampSkew);
        var message = Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":3705115058471208928} """, toUserName: "gh_new");
        var push = Push(message, toUserName: "gh_new");

        var outcome = twoShopsOnTheApp.Process(push.Query, push.Body, Now);

        Assert.Equal(PushOutcomeKind.Held, outcome.Kind);
        Assert.Equal(
            new HeldPush("wechat", "gh_new", V.AppId, WeChatPushEvents.OrderPay, "3705115058471208928", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
                "channels_ec_order_pay-3705115058471208928-1700000000", message),
            outcome.Held);
        Assert.Equal(new OrderEvent("wechat", "shop-9", "3705115058471208928", WeChatPushEvents.OrderPay, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), outcome.Held!.MsgId), outcome.Held.For("shop-9").Event);
    }

    [Fact]
    public void A_to_user_name_outside_the_encryption_that_differs_from_the_signed_one_is_401()
    {
        var outcome = Send(Push(Message(WeChatPushEvents.OrderPay, """ "order_info":{"order_id":1} """), toUserName: "gh_other"));

        Assert.Equal(401, outcome.RejectStatusCode);
    }

    [Fact]
    public void A_genuine_push_whose_decrypted_message_holds_a_lone_surrogate_escape_is_400()
    {
        var outcome = Send(Push(Message("channels_ec_order_pay", """ "order_info":{"order_id":3705115058471208928,"note":"\ud800"} """)));

        Assert.Equal((PushOutcomeKind.Rejected, 400), (outcome.Kind, outcome.RejectStatusCode));
    }
}

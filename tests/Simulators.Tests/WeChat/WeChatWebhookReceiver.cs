namespace ServerlessSync.Simulators.Tests.WeChat;

/// <summary>
/// A webhook that answers URL verification and decrypts pushes with the real domain code
/// (<see cref="WeChatHandshake"/>, <see cref="WeChatPushAdapter"/>) and answers as WeChat expects.
/// </summary>
public static class WeChatWebhookReceiver
{
    public const string ShopId = "wx-demo-shop";

    public static Task<WebhookReceiver> StartAsync(WeChatSimulatorOptions sim)
    {
        var crypto = new WeChatMessageCrypto(sim.EncodingAesKey);
        var shops = new WeChatShopDirectory([new WeChatShopApp(ShopId, sim.AppId)], new Dictionary<string, string> { [sim.UserName] = ShopId }, sim.AppId);
        var adapter = new WeChatPushAdapter(sim.Token, crypto, shops, WeChatPushAdapter.DefaultMaxTimestampSkew);
        return WebhookReceiver.StartAsync(
            (request, body) =>
            {
                var q = request.Query;
                return adapter.Process(new WeChatPushQuery(q["msg_signature"], q["timestamp"], q["nonce"], q["encrypt_type"]), body, DateTimeOffset.UtcNow);
            },
            outcome => outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text(outcome.RejectReason, WeChatPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(WeChatPushAck.Success, WeChatPushAck.ContentType),
            app => app.MapGet("/webhook", (HttpRequest request) =>
            {
                var result = WeChatHandshake.Answer(sim.Token, crypto, shops, request.Query["signature"], request.Query["msg_signature"],
                    request.Query["timestamp"], request.Query["nonce"], request.Query["echostr"]);
                return Results.Text(result.Accepted ? result.Reply : result.Reason, WeChatPushAck.ContentType, statusCode: result.StatusCode);
            }));
    }
}

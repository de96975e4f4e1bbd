namespace ServerlessSync.Simulators.Tests.WeChat;

/// <summary>
/// A tiny Kestrel webhook that answers URL verification and decrypts pushes with the real domain code
/// (<see cref="WeChatHandshake"/>, <see cref="WeChatPushAdapter"/>) and records what arrived.
/// </summary>
public sealed class WeChatWebhookReceiver : IAsyncDisposable
{
    public const string ShopId = "wx-demo-shop";

    public sealed record Arrival(long Sequence, PushOutcome Outcome, byte[] Body);

    private readonly WebApplication app;
    private long sequence;

    private WeChatWebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Every accepted order message, in arrival order.</summary>
    public IReadOnlyList<InboundMessage> Messages =>
        Arrivals.OrderBy(a => a.Sequence).SelectMany(a => a.Outcome.Messages).ToList();

    public static async Task<WeChatWebhookReceiver> StartAsync(WeChatSimulatorOptions sim)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WeChatWebhookReceiver(app);
        var crypto = new WeChatMessageCrypto(sim.EncodingAesKey);
        var shops = new WeChatShopDirectory([new WeChatShopApp(ShopId, sim.AppId)], new Dictionary<string, string> { [sim.UserName] = ShopId }, sim.AppId);
        var adapter = new WeChatPushAdapter(sim.Token, crypto, shops, WeChatPushAdapter.DefaultMaxTimestampSkew);
        app.MapGet("/webhook", (HttpRequest request) =>
        {
            var result = WeChatHandshake.Answer(sim.Token, crypto, shops, request.Query["signature"], request.Query["msg_signature"],
                request.Query["timestamp"], request.Query["nonce"], request.Query["echostr"]);
            return Results.Text(result.Accepted ? result.Reply : result.Reason, WeChatPushAck.ContentType, statusCode: result.StatusCode);
        });
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var q = http.Request.Query;
            var outcome = adapter.Process(new WeChatPushQuery(q["msg_signature"], q["timestamp"], q["nonce"], q["encrypt_type"]), body, DateTimeOffset.UtcNow);
            receiver.Arrivals.Enqueue(new Arrival(Interlocked.Increment(ref receiver.sequence), outcome, body));
            return outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text(outcome.RejectReason, WeChatPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(WeChatPushAck.Success, WeChatPushAck.ContentType);
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.Single().TrimEnd('/') + "/webhook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

namespace ServerlessSync.Simulators.Tests.Douyin;

/// <summary>A tiny Kestrel webhook that verifies pushes with the real <see cref="DouyinPushAdapter"/> and records what arrived.</summary>
public sealed class DouyinWebhookReceiver : IAsyncDisposable
{
    public sealed record Arrival(long Sequence, PushOutcome Outcome, byte[] Body);

    private readonly WebApplication app;
    private long sequence;

    private DouyinWebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Every accepted order message, in arrival order.</summary>
    public IReadOnlyList<(long Sequence, InboundMessage Message, byte[] Body)> Messages =>
        Arrivals.OrderBy(a => a.Sequence).SelectMany(a => a.Outcome.Messages.Select(m => (a.Sequence, m, a.Body))).ToList();

    public static async Task<DouyinWebhookReceiver> StartAsync(string appKey, string appSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new DouyinWebhookReceiver(app);
        var adapter = new DouyinPushAdapter(appKey, appSecret);
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var outcome = adapter.Process(
                http.Request.Headers[DouyinPushAck.AppIdHeader].ToString(),
                http.Request.Headers[DouyinPushAck.SignHeader].ToString(),
                body,
                DateTimeOffset.UtcNow);
            receiver.Arrivals.Enqueue(new Arrival(Interlocked.Increment(ref receiver.sequence), outcome, body));
            return outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text(DouyinPushAck.Fail, DouyinPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(DouyinPushAck.Success, DouyinPushAck.ContentType);
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

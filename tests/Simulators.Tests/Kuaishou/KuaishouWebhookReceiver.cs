namespace ServerlessSync.Simulators.Tests.Kuaishou;

/// <summary>A tiny Kestrel webhook that decrypts pushes with the real <see cref="KuaishouPushAdapter"/> and records what arrived.</summary>
public sealed class KuaishouWebhookReceiver : IAsyncDisposable
{
    public sealed record Arrival(long Sequence, PushOutcome Outcome, byte[] Body);

    private readonly WebApplication app;
    private long sequence;

    private KuaishouWebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Every accepted order message, in arrival order.</summary>
    public IReadOnlyList<(long Sequence, InboundMessage Message, byte[] Body)> Messages =>
        Arrivals.OrderBy(a => a.Sequence).SelectMany(a => a.Outcome.Messages.Select(m => (a.Sequence, m, a.Body))).ToList();

    public static async Task<KuaishouWebhookReceiver> StartAsync(string appKey, string messageKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new KuaishouWebhookReceiver(app);
        var adapter = new KuaishouPushAdapter(appKey, messageKey);
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var outcome = adapter.Process(body, DateTimeOffset.UtcNow);
            receiver.Arrivals.Enqueue(new Arrival(Interlocked.Increment(ref receiver.sequence), outcome, body));
            return outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text("""{"result":0}""", KuaishouPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(KuaishouPushAck.Success, KuaishouPushAck.ContentType);
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

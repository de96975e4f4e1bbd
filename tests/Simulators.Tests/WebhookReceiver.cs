namespace ServerlessSync.Simulators.Tests;

/// <summary>
/// A tiny Kestrel webhook that checks every push with a platform's real domain adapter and records what arrived;
/// each platform's factory (<c>DouyinWebhookReceiver</c>, …) says how its pushes are checked and acknowledged.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Arrival(long Sequence, PushOutcome Outcome, byte[] Body);

    private readonly WebApplication app;
    private long sequence;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Every accepted order message, in arrival order.</summary>
    public IReadOnlyList<(long Sequence, InboundMessage Message, byte[] Body)> Messages =>
        Arrivals.OrderBy(a => a.Sequence).SelectMany(a => a.Outcome.Messages.Select(m => (a.Sequence, m, a.Body))).ToList();

    /// <param name="check">What the platform's adapter makes of one push (its request and body).</param>
    /// <param name="acknowledge">The platform's answer to that outcome.</param>
    /// <param name="mapOtherRoutes">Routes the platform calls besides the push (WeChat's URL verification).</param>
    public static async Task<WebhookReceiver> StartAsync(
        Func<HttpRequest, byte[], PushOutcome> check, Func<PushOutcome, IResult> acknowledge, Action<WebApplication>? mapOtherRoutes = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        mapOtherRoutes?.Invoke(app);
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var outcome = check(http.Request, body);
            receiver.Arrivals.Enqueue(new Arrival(Interlocked.Increment(ref receiver.sequence), outcome, body));
            return acknowledge(outcome);
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

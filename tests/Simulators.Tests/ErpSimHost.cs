namespace ServerlessSync.Simulators.Tests;

/// <summary>
/// The real simulator host on a free loopback port with one ERP unpaced and seeded, and an HTTP client rooted at it;
/// one small subclass per ERP adds the raw calls of that ERP's protocol.
/// </summary>
/// <typeparam name="TState">The ERP simulator's state: its documents, options and metrics.</typeparam>
/// <typeparam name="TOptions">The ERP simulator's options.</typeparam>
internal abstract class ErpSimHost<TState, TOptions> : IAsyncDisposable
    where TState : SimErpState<TOptions>
    where TOptions : SimErpOptions
{
    private readonly WebApplication _app;

    protected ErpSimHost(WebApplication app, HttpMessageHandler? handler = null)
    {
        _app = app;
        Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Http = handler is null ? new HttpClient() : new HttpClient(handler);
        Http.BaseAddress = Root;
        Http.Timeout = TimeSpan.FromSeconds(30);
    }

    public Uri Root { get; }

    public HttpClient Http { get; }

    public TState State => _app.Services.GetRequiredService<TState>();

    public TOptions Options => State.Options;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Starts the host with <paramref name="erp"/>'s simulator unpaced and seeded, then <paramref name="configure"/>'s changes.</summary>
    protected static async Task<WebApplication> StartAppAsync(Func<SimulatorOptions, TOptions> erp, Action<TOptions>? configure)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            var options = erp(o);
            options.MaxCallsPerSecond = 0;
            options.MaxConcurrency = 0;
            options.Seed = 7;
            configure?.Invoke(options);
        });
        await app.StartAsync();
        return app;
    }
}

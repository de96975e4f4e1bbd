namespace ServerlessSync.Pipeline.Platforms;

/// <summary>
/// Registers a platform's API clients the one way every platform does: each a typed client of a named HttpClient of its
/// own, exposed as the port it implements. A <see cref="Reader{TClient, TPort}"/> only reads, so it gets the standard
/// resilience handler (retries with backoff, circuit breaker, timeouts); a <see cref="Writer{TClient, TPort}"/> changes
/// the platform, so its HttpClient never resends on its own (see <see cref="SellerNoteHttp"/>).
/// </summary>
/// <typeparam name="TOptions">The platform's settings, which every client of the platform takes.</typeparam>
public sealed class PlatformClientRegistration<TOptions>(IServiceCollection services)
    where TOptions : class
{
    /// <summary>The client's constructor: (HttpClient, settings, logger, clock).</summary>
    public delegate TClient Create<TClient>(HttpClient http, IOptions<TOptions> options, ILogger<TClient>? logger, TimeProvider? timeProvider);

    public PlatformClientRegistration<TOptions> Reader<TClient, TPort>(string httpClientName, Create<TClient> create)
        where TClient : class, TPort
        where TPort : class
    {
        services.AddHttpClient(httpClientName).AddTypedClient(Factory(create)).AddStandardResilienceHandler();
        services.AddTransient<TPort>(sp => sp.GetRequiredService<TClient>());
        return this;
    }

    public PlatformClientRegistration<TOptions> Writer<TClient, TPort>(string httpClientName, Create<TClient> create)
        where TClient : class, TPort
        where TPort : class
    {
        services.AddHttpClient(httpClientName, SellerNoteHttp.Configure).AddTypedClient(Factory(create));
        services.AddTransient<TPort>(sp => sp.GetRequiredService<TClient>());
        return this;
    }

    private static Func<HttpClient, IServiceProvider, TClient> Factory<TClient>(Create<TClient> create) =>
        (http, sp) => create(http, sp.GetRequiredService<IOptions<TOptions>>(), sp.GetService<ILogger<TClient>>(), sp.GetService<TimeProvider>());
}

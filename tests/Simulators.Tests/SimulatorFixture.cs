namespace ServerlessSync.Simulators.Tests;

/// <summary>
/// The real simulator host on a free loopback port, shared by one platform's simulator tests (a collection fixture,
/// so the host starts once for them all); the platform's options and order store are read from its services.
/// </summary>
/// <typeparam name="TOptions">The platform simulator's options.</typeparam>
/// <typeparam name="TStore">The platform simulator's order store.</typeparam>
public abstract class SimulatorFixture<TOptions, TStore> : IAsyncLifetime
    where TOptions : notnull
    where TStore : notnull
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public TOptions Options => Services.GetRequiredService<TOptions>();

    public TStore Store => Services.GetRequiredService<TStore>();

    public IServiceProvider Services => app!.Services;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Uri Url(string relative) => new(BaseUrl, relative.TrimStart('/'));
}

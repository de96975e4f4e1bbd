namespace ServerlessSync.Pipeline.Tests.Platforms;

/// <summary>
/// The real simulator host (every platform and ERP simulator) on a free loopback port, started once for a test class,
/// so its orders, fault knobs and stock rows are that class's own.
/// </summary>
public abstract class SimulatorHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    /// <summary>The host's root, e.g. <c>http://127.0.0.1:50123</c>; each simulator lives under its own path.</summary>
    protected string HostUrl { get; private set; } = "";

    protected IServiceProvider Simulator => app!.Services;

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        HostUrl = app.Urls.Single().TrimEnd('/');
    }

    public virtual async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>One of the simulators' services.</summary>
    protected T Service<T>()
        where T : notnull => Simulator.GetRequiredService<T>();
}

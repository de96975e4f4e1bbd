using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ServerlessSync.TestSupport;

/// <summary>
/// A small web app on a free loopback port for the things tests need to be called by (robots, webhook receivers):
/// the caller maps its routes; the server logs nothing and stops when disposed.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, string root)
    {
        this.app = app;
        Root = root;
    }

    /// <summary>The scheme, host and port, without a trailing slash.</summary>
    public string Root { get; }

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> mapRoutes)
    {
        var root = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(root);
        var app = builder.Build();
        mapRoutes(app);
        await app.StartAsync();
        return new LoopbackServer(app, root);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using ServerlessSync.Pipeline.Api;

namespace ServerlessSync.Pipeline.Web;

/// <summary>
/// <c>GET /api/dashboard</c>, <c>GET /api/console</c> and their static files under <c>GET /api/web/{name}</c>, served
/// from resources embedded in this assembly (Apache ECharts included, copied from npm at build time), so both hosts
/// serve the same bytes and nothing is loaded from a CDN. Only embedded names are served: there is no file path.
/// </summary>
public sealed class WebPagesApi
{
    public const string ResourcePrefix = "ServerlessSync.Web/";
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    public HttpReply Dashboard() => Serve("dashboard.html");

    public HttpReply Console() => Serve("console.html");

    public HttpReply Asset(string name) => Serve(name);

    private static HttpReply Serve(string name)
    {
        var text = Cache.GetOrAdd(name, Load);
        return text is null ? HttpReply.Error(404, $"no web asset '{name}'") : new HttpReply(200, text, ContentType(name));
    }

    private static string? Load(string name)
    {
        using var stream = typeof(WebPagesApi).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}

using System.Collections.Concurrent;

namespace ServerlessSync.Pipeline.Web;

/// <summary>
/// <c>GET /api/dashboard</c>, <c>GET /api/console</c> and their static files under <c>GET /api/web/{name}</c>, served
/// from resources embedded in this assembly (Apache ECharts included, copied from npm at build time), so both hosts
/// serve the same bytes and nothing is loaded from a CDN. Only embedded names are served: there is no file path.
/// </summary>
public sealed class WebPagesApi
{
    public const string ResourcePrefix = "ServerlessSync.Web/";
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The embedded names: only these are read and cached, so unknown names cannot grow the cache.</summary>
    public static readonly IReadOnlySet<string> Names = typeof(WebPagesApi).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .ToHashSet(StringComparer.Ordinal);

    public static int CachedCount => Cache.Count;

    public HttpReply Dashboard() => Serve("dashboard.html");

    public HttpReply Console() => Serve("console.html");

    public HttpReply Asset(string name) => Serve(name);

    private static HttpReply Serve(string name)
    {
        if (!Names.Contains(name))
        {
            return HttpReply.Error(404, "no such web asset");
        }

        return new HttpReply(200, Cache.GetOrAdd(name, Load), ContentType(name));
    }

    private static string Load(string name)
    {
        using var stream = typeof(WebPagesApi).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"embedded web asset {name} is listed but cannot be read");
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

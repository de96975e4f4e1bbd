using System.Collections.Concurrent;
using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>
/// <c>GET /api/mapping/materials?q=&amp;top=</c>: the ERP's materials whose code or name contains <c>q</c>, for picking the
/// material of a SKU. Each distinct search reaches the ERP at most once per <see cref="CacheFor"/> (a person typing asks
/// the same thing again and again); the call itself is paced by the ERP governor like every ERP read.
/// </summary>
public sealed class MaterialSearchApi(IEnumerable<IErpMaterialSearch> searches, TimeProvider clock)
{
    public const int MaxTextLength = 50;
    public const int DefaultTop = 20;
    public const int MaxTop = 50;
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int MaxCachedSearches = 500;

    private readonly ConcurrentDictionary<(string Text, int Top), (IReadOnlyList<ErpMaterial> Materials, DateTimeOffset At)> cache = new();

    public async Task<HttpReply> SearchAsync(string? text, string? top, CancellationToken cancellationToken)
    {
        var query = text?.Trim() ?? "";
        if (query.Length == 0 || query.Length > MaxTextLength || query.Any(char.IsControl))
        {
            return HttpReply.Error(400, $"give the text to search for in ?q= (1 to {MaxTextLength} characters, no control characters)");
        }

        if (!TableListing.TryParseLimit(top, DefaultTop, MaxTop, out var take))
        {
            return HttpReply.Error(400, $"top must be a whole number from 1 to {MaxTop}");
        }

        if (searches.FirstOrDefault() is not { } search)
        {
            return HttpReply.Error(503, "the configured ERP has no material search; type the material code instead");
        }

        var key = (query.ToUpperInvariant(), take);
        var now = clock.GetUtcNow();
        var cached = cache.TryGetValue(key, out var hit) && now - hit.At < CacheFor;
        IReadOnlyList<ErpMaterial> materials;
        if (cached)
        {
            materials = hit.Materials;
        }
        else
        {
            try
            {
                materials = await search.SearchMaterialsAsync(query, take, cancellationToken);
            }
            catch (ErpTransientException ex)
            {
                return HttpReply.Error(503, $"the ERP did not answer the search this time ({ex.Message}); try again");
            }
            catch (ErpProtocolException ex)
            {
                return HttpReply.Error(502, $"the ERP's answer to the search was not understood: {ex.Message}");
            }

            if (cache.Count >= MaxCachedSearches)
            {
                cache.Clear();
            }

            cache[key] = (materials, now);
        }

        return HttpReply.JsonBody(200, new { erp = search.Kind, q = query, cached, materials });
    }
}

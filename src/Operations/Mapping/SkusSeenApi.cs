using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>
/// <c>GET /api/mapping/{platform}/{shopId}/skus</c>: the SKUs the shop's orders carried (title, last seen, units sold) and
/// those its profile maps, each with what it maps to now (a material, a combo, or nothing); unmapped ones first, then the
/// best sellers.
/// </summary>
public sealed class SkusSeenApi(StorageClients storage, ProfileStore profiles)
{
    private sealed record Seen(string Sku, string? Title, DateTimeOffset? LastSeen, long UnitsSold);

    public async Task<HttpReply> ListAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(SkuSightings.TableName);
        var partition = SkuSightings.Partition(platform, shopId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {SkuSightings.SkuPrefix} and RowKey lt {"s}"}");
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Sku", "Title", "LastSeen", "UnitsSold"], cancellationToken: cancellationToken))
        {
            var sku = row.GetString("Sku") ?? row.RowKey[SkuSightings.SkuPrefix.Length..];
            seen[sku] = new Seen(sku, row.GetString("Title"), row.GetDateTimeOffset("LastSeen"), row.GetInt64("UnitsSold") ?? 0);
        }

        var profile = await profiles.GetAsync(platform, shopId, cancellationToken);
        var mapped = (profile?.Skus.Keys ?? []).Concat(profile?.Combos.Keys ?? []);
        var skus = seen.Keys.Union(mapped, StringComparer.Ordinal)
            .Select(sku =>
            {
                seen.TryGetValue(sku, out var s);
                var single = profile?.Skus.GetValueOrDefault(sku);
                var combo = profile?.Combos.GetValueOrDefault(sku);
                return new
                {
                    sku,
                    title = s?.Title,
                    lastSeen = s?.LastSeen,
                    unitsSold = s?.UnitsSold ?? 0,
                    mappedAs = single is not null ? "material" : combo is not null ? "combo" : null,
                    material = single,
                    combo,
                };
            })
            .OrderBy(s => s.mappedAs is not null)
            .ThenByDescending(s => s.unitsSold)
            .ThenBy(s => s.sku, StringComparer.Ordinal)
            .ToList();
        return HttpReply.JsonBody(200, new { platform, shopId, profileVersion = profile?.Version, skus });
    }
}

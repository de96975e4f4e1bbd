using System.Security.Cryptography;
using System.Text;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Pull;

/// <summary>
/// List entries a pull could not read, kept for a person (table <c>PullSkipped</c>, one row per shop and entry, so the
/// overlap listing the same entry again updates its row). <c>GET /api/pull/skipped</c> lists them; once the platform's
/// order is known, a resync of it (<c>POST /api/orders/.../resync</c>) brings it in.
/// </summary>
public sealed class SkippedListEntries(StorageClients storage, TimeProvider clock)
{
    public const string TableName = "PullSkipped";

    public const string Route = "pull/skipped";

    public const int MaxListed = 500;

    /// <returns>True when the entry was not kept before (a person has not been told about it yet).</returns>
    public async Task<bool> KeepAsync(string platform, string shopId, SkippedListEntry entry, DateTimeOffset windowFrom, DateTimeOffset windowTo, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var partition = TableKeys.Sanitize($"{platform}:{shopId}");
        var rowKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Reason + "\n" + entry.Excerpt)))[..32];
        var now = clock.GetUtcNow();
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        var row = new TableEntity(partition, rowKey)
        {
            ["Platform"] = platform,
            ["ShopId"] = shopId,
            ["Reason"] = entry.Reason,
            ["Excerpt"] = entry.Excerpt,
            ["WindowFrom"] = windowFrom,
            ["WindowTo"] = windowTo,
            ["FirstSeen"] = existing.HasValue ? existing.Value!.GetDateTimeOffset("FirstSeen") ?? now : now,
            ["LastSeen"] = now,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return !existing.HasValue;
    }

    public async Task<HttpReply> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var entries = await table.FirstAsync(null, MaxListed, row => new
        {
            platform = row.GetString("Platform"),
            shopId = row.GetString("ShopId"),
            reason = row.GetString("Reason"),
            excerpt = row.GetString("Excerpt"),
            windowFrom = row.GetDateTimeOffset("WindowFrom"),
            windowTo = row.GetDateTimeOffset("WindowTo"),
            firstSeen = row.GetDateTimeOffset("FirstSeen"),
            lastSeen = row.GetDateTimeOffset("LastSeen"),
        }, cancellationToken);
        return HttpReply.JsonBody(200, new { count = entries.Count, entries });
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Profiles;

/// <summary>
/// Mapping profiles as versioned JSON documents in Tables (DESIGN D5): row "current" plus one row per version.
/// </summary>
public sealed class ProfileStore(StorageClients storage, TimeProvider clock)
{
    public const string TableName = "Profiles";
    private const string CurrentRow = "current";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public async Task<MappingProfile?> GetAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(platform, shopId), CurrentRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Parse(entity.GetString("Document")) : null;
    }

    /// <summary>Stores <paramref name="profile"/> as the next version and returns it with that version number.</summary>
    public async Task<MappingProfile> SaveAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var current = await GetAsync(profile.Platform, profile.ShopId, cancellationToken);
        var next = profile with { Version = (current?.Version ?? 0) + 1 };
        var document = JsonSerializer.Serialize(next, Json);
        var pk = PartitionKey(profile.Platform, profile.ShopId);
        var now = clock.GetUtcNow();
        await table.AddEntityAsync(
            new TableEntity(pk, $"v{next.Version:D6}") { ["Document"] = document, ["ChangedBy"] = changedBy, ["ChangedAt"] = now },
            cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(pk, CurrentRow) { ["Document"] = document, ["Version"] = next.Version, ["ChangedBy"] = changedBy, ["ChangedAt"] = now },
            TableUpdateMode.Replace,
            cancellationToken);
        return next;
    }

    public static MappingProfile Parse(string json) =>
        JsonSerializer.Deserialize<MappingProfile>(json, Json) ?? throw new FormatException("Profile document is empty.");

    private static string PartitionKey(string platform, string shopId) => TableKeys.Sanitize($"{platform}:{shopId}");
}

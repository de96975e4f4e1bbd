using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Pipeline.Profiles;

/// <summary>
/// Mapping profiles as versioned JSON documents in Tables (DESIGN D5): row "current" plus one row per version.
/// </summary>
public sealed class ProfileStore(StorageClients storage, TimeProvider clock)
{
    public const string TableName = "Profiles";
    private const string CurrentRow = "current";
    private const int MaxAttempts = 20;

    /// <summary>Tables allows 32K UTF-16 characters per string property; a document longer than this is split.</summary>
    private const int PartChars = 30_000;

    /// <summary>Tables allows 1 MiB per entity (2 bytes a character); keep room for the other properties.</summary>
    private const int MaxDocumentChars = 480_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    /// <summary>The stored form: the same JSON without indentation, so a shop with thousands of SKUs fits in a row.</summary>
    private static readonly JsonSerializerOptions StoredJson = new(Json) { WriteIndented = false };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (MappingProfile? Profile, DateTimeOffset ReadAt)> cache = new();

    /// <summary>
    /// The profile as the sync uses it: read from Tables at most once per <paramref name="maxAge"/> per process, so a
    /// burst does not read the same row for every order. A save through this process is seen at once; a save
    /// through another process within <paramref name="maxAge"/>.
    /// </summary>
    public async Task<MappingProfile?> GetCachedAsync(string platform, string shopId, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var key = $"{platform}:{shopId}";
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var hit) && now - hit.ReadAt < maxAge)
        {
            return hit.Profile;
        }

        var read = (Profile: await GetAsync(platform, shopId, cancellationToken), ReadAt: now);
        return Remember(key, read).Profile;
    }

    /// <summary>
    /// Caches <paramref name="read"/> unless the cache already holds a newer version: a read that started before a save
    /// through this process and ended after it must not put the old profile back for <c>maxAge</c>.
    /// </summary>
    private (MappingProfile? Profile, DateTimeOffset ReadAt) Remember(string key, (MappingProfile? Profile, DateTimeOffset ReadAt) read) =>
        cache.AddOrUpdate(key, read, (_, cached) => cached.Profile is { } kept && (read.Profile is null || kept.Version > read.Profile.Version) ? cached : read);

    public async Task<MappingProfile?> GetAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(platform, shopId), CurrentRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Parse(ReadDocument(entity)) : null;
    }

    /// <summary>Stores <paramref name="profile"/> as the next version and returns it with that version number.</summary>
    /// <remarks>
    /// The "current" row is claimed first with ETag compare-and-set, so concurrent saves each get their own
    /// version and "current" never moves backwards; the version row is then written idempotently, so a save
    /// interrupted between the two never blocks the next one.
    /// </remarks>
    public async Task<MappingProfile> SaveAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken, string? comment = null)
    {
        cache.TryRemove($"{profile.Platform}:{profile.ShopId}", out _);
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(profile.Platform, profile.ShopId);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(pk, CurrentRow, cancellationToken: cancellationToken);
            var existing = row.HasValue ? row.Value : null;
            var currentVersion = existing is null ? 0 : existing.GetInt32("Version") ?? Parse(ReadDocument(existing)).Version;
            var next = profile with { Version = currentVersion + 1 };
            var document = JsonSerializer.Serialize(next, StoredJson);
            if (document.Length > MaxDocumentChars)
            {
                throw new InvalidOperationException(
                    $"The mapping profile for {profile.Platform}:{profile.ShopId} is {document.Length} characters of JSON; at most {MaxDocumentChars} can be stored.");
            }

            var now = clock.GetUtcNow();
            var current = WriteDocument(new TableEntity(pk, CurrentRow) { ["Version"] = next.Version, ["ChangedBy"] = changedBy, ["ChangedAt"] = now }, document);
            try
            {
                if (existing is null)
                {
                    await table.AddEntityAsync(current, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(current, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException ex) when ((ex.Status is 409 or 412) && attempt < MaxAttempts)
            {
                // Another save took this version: read again and take the next one.
                await Task.Delay(Random.Shared.Next(0, 20 * attempt), cancellationToken);
                continue;
            }

            Remember($"{profile.Platform}:{profile.ShopId}", (Parse(document), now));
            await table.UpsertEntityAsync(
                WriteDocument(new TableEntity(pk, VersionRow(next.Version)) { ["ChangedBy"] = changedBy, ["ChangedAt"] = now, ["Comment"] = comment }, document),
                TableUpdateMode.Replace,
                cancellationToken);
            return next;
        }
    }

    /// <summary>One stored version of the shop's profile, or null when there is no such version.</summary>
    public async Task<ProfileVersion?> GetVersionAsync(string platform, string shopId, int version, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(platform, shopId), VersionRow(version), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToVersion(entity) : null;
    }

    /// <summary>Every stored version of the shop's profile, oldest first.</summary>
    public async Task<IReadOnlyList<ProfileVersion>> ListVersionsAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(platform, shopId);
        var versions = new List<ProfileVersion>();
        await foreach (var entity in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk && x.RowKey.CompareTo("v") > 0, cancellationToken: cancellationToken))
        {
            versions.Add(ToVersion(entity));
        }

        return versions;
    }

    public static string VersionRow(int version) => $"v{version:D6}";

    private static ProfileVersion ToVersion(TableEntity entity) => new(
        Parse(ReadDocument(entity)) with { Version = int.Parse(entity.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture) },
        entity.GetString("ChangedBy") ?? "",
        entity.GetDateTimeOffset("ChangedAt"),
        entity.GetString("Comment"),
        entity.GetString("Summary"));

    public static MappingProfile Parse(string json) =>
        JsonSerializer.Deserialize<MappingProfile>(json, Json) ?? throw new FormatException("Profile document is empty.");

    /// <summary>Puts the document in "Document", continued in "Document1", "Document2"... when it is long.</summary>
    private static TableEntity WriteDocument(TableEntity entity, string document)
    {
        var parts = Math.Max(1, (document.Length + PartChars - 1) / PartChars);
        for (var i = 0; i < parts; i++)
        {
            var start = i * PartChars;
            entity[i == 0 ? "Document" : $"Document{i}"] = document.Substring(start, Math.Min(PartChars, document.Length - start));
        }

        entity["DocumentParts"] = parts;
        return entity;
    }

    private static string ReadDocument(TableEntity entity)
    {
        var parts = entity.GetInt32("DocumentParts") ?? 1;
        return string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString(i == 0 ? "Document" : $"Document{i}")));
    }

    private static string PartitionKey(string platform, string shopId) => TableKeys.Sanitize($"{platform}:{shopId}");
}

/// <summary>One stored version of a profile: the document, who saved it and when, the saver's comment and the change summary.</summary>
public sealed record ProfileVersion(MappingProfile Profile, string ChangedBy, DateTimeOffset? ChangedAt, string? Comment, string? Summary);

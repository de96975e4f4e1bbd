using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Mapping;

namespace ServerlessSync.Pipeline.Profiles;

/// <summary>A dry run: a draft profile applied to recent orders (or the ones named), writing nothing.</summary>
public sealed record DryRunRequest(MappingProfile? Profile, IReadOnlyList<string>? OrderIds = null, int Last = 20);

/// <summary>
/// GET|PUT /api/profiles/{platform}/{shopId}, GET .../history and POST .../dry-run. PUT validates (400 lists each
/// error with its JSON path) and stores a new version; every version keeps who changed it, when, and what.
/// </summary>
public sealed class ProfileApi(ProfileStore store, OrderLedger ledger, IEnumerable<IPlatformOrderClient> platforms, StorageClients storage)
{
    public const int MaxDryRunOrders = 50;

    public async Task<HttpReply> GetAsync(string platform, string shopId, CancellationToken cancellationToken) =>
        await store.GetAsync(platform, shopId, cancellationToken) is { } profile
            ? new HttpReply(200, JsonSerializer.Serialize(profile, ProfileStore.Json))
            : HttpReply.Error(404, $"no mapping profile for {platform}:{shopId}");

    public async Task<AdminOutcome> PutAsync(string platform, string shopId, string body, string changedBy, CancellationToken cancellationToken)
    {
        var (profile, error) = ParseProfile(body, platform, shopId);
        return profile is null
            ? new(error!, "nothing (the profile was refused)")
            : await SaveAsync(profile, changedBy, comment: null, cancellationToken);
    }

    /// <summary>Stores a valid profile as the next version, with the saver's comment and a summary of what changed.</summary>
    public async Task<AdminOutcome> SaveAsync(MappingProfile profile, string changedBy, string? comment, CancellationToken cancellationToken)
    {
        var (platform, shopId) = (profile.Platform, profile.ShopId);
        var previous = await store.GetAsync(platform, shopId, cancellationToken);
        var saved = await store.SaveAsync(profile, changedBy, cancellationToken, comment);
        var table = await storage.TableAsync(ProfileStore.TableName);
        var summary = ProfileChanges.Describe(previous, saved);
        await table.UpsertEntityAsync(
            new TableEntity(TableKeys.Sanitize($"{platform}:{shopId}"), ProfileStore.VersionRow(saved.Version)) { ["Summary"] = summary },
            TableUpdateMode.Merge,
            cancellationToken);
        return new(
            HttpReply.JsonBody(200, new { version = saved.Version, changedBy, comment, summary }),
            $"profile {platform}:{shopId} version {previous?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} -> {saved.Version}: {summary}");
    }

    public async Task<HttpReply> HistoryAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(ProfileStore.TableName);
        var pk = TableKeys.Sanitize($"{platform}:{shopId}");
        var versions = new List<object>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk && x.RowKey.CompareTo("v") > 0, select: ["RowKey", "ChangedBy", "ChangedAt", "Comment", "Summary"], cancellationToken: cancellationToken))
        {
            versions.Add(new { version = int.Parse(e.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture), changedBy = e.GetString("ChangedBy"), changedAt = e.GetDateTimeOffset("ChangedAt"), comment = e.GetString("Comment"), summary = e.GetString("Summary") });
        }

        return HttpReply.JsonBody(200, new { platform, shopId, versions });
    }

    public async Task<AdminOutcome> DryRunAsync(string platform, string shopId, string body, CancellationToken cancellationToken)
    {
        DryRunRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DryRunRequest>(body, ProfileStore.Json);
        }
        catch (JsonException ex)
        {
            return new(HttpReply.Error(400, $"body is not valid JSON: {ex.Message}"), "nothing (dry run refused)");
        }

        var draft = request?.Profile ?? await store.GetAsync(platform, shopId, cancellationToken);
        if (draft is null)
        {
            return new(HttpReply.Error(400, "give a draft profile in \"profile\" (the shop has none stored)"), "nothing (dry run refused)");
        }

        draft = draft with { Platform = platform, ShopId = shopId };
        var errors = ProfileValidator.Validate(draft);
        if (errors.Count > 0)
        {
            return new(HttpReply.JsonBody(400, new { error = "the draft profile is not valid", errors }), "nothing (dry run refused)");
        }

        var client = platforms.FirstOrDefault(p => p.Platform == platform);
        if (client is null)
        {
            return new(HttpReply.Error(400, $"no order client is configured for {platform}"), "nothing (dry run refused)");
        }

        var ids = request?.OrderIds is { Count: > 0 } given ? given.Take(MaxDryRunOrders).ToList() : await RecentAsync(platform, shopId, Math.Clamp(request?.Last ?? 20, 1, MaxDryRunOrders), cancellationToken);
        var results = new List<object>();
        foreach (var id in ids)
        {
            var order = await client.GetOrderAsync(new OrderKey(platform, shopId, id), cancellationToken);
            var plan = PlanView.Of(OrderPlanner.Plan(order, draft));
            results.Add(new { orderId = id, plan.Outcome, plan.Reasons, plan.UnmappedSkus, plan.Document });
        }

        return new(HttpReply.JsonBody(200, new { dryRun = true, profileVersion = draft.Version, orders = results }), $"nothing (dry run over {results.Count} orders)");
    }

    private async Task<List<string>> RecentAsync(string platform, string shopId, int count, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var entry in ledger.ListShopAsync(platform, shopId, cancellationToken))
        {
            entries.Add(entry);
        }

        return entries.OrderByDescending(e => e.UpdatedAt).Take(count).Select(e => e.Key.OrderId).ToList();
    }

    /// <summary>The profile in <paramref name="body"/> when it is valid JSON, names this shop (or none) and passes validation; else the 400 to answer.</summary>
    public static (MappingProfile? Profile, HttpReply? Error) ParseProfile(string body, string platform, string shopId)
    {
        MappingProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<MappingProfile>(body, ProfileStore.Json);
        }
        catch (JsonException ex)
        {
            return (null, HttpReply.JsonBody(400, new { error = "the profile is not valid JSON", errors = new[] { new ProfileError(ex.Path ?? "$", ex.Message) } }));
        }

        if (profile is null)
        {
            return (null, HttpReply.Error(400, "the body is empty"));
        }

        if ((profile.Platform is { Length: > 0 } p && p != platform) || (profile.ShopId is { Length: > 0 } s && s != shopId))
        {
            return (null, HttpReply.JsonBody(400, new { error = "the profile names another shop than the URL", errors = new[] { new ProfileError("$.shopId", $"must be {platform}:{shopId}") } }));
        }

        profile = profile with { Platform = platform, ShopId = shopId };
        var errors = ProfileValidator.Validate(profile);
        return errors.Count > 0
            ? (null, HttpReply.JsonBody(400, new { error = "the profile is not valid", errors }))
            : (profile, null);
    }
}

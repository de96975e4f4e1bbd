using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>Mapping as data through the admin API: edit, validate, version, dry-run, quarantine and release.</summary>
public sealed class AdminApiTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);
    private static readonly string ProfileUrl = TestHub.DemoProfileUrl;

    /// <summary>Sends the App Service principal header too: without App Service authentication in front it is a client's claim, and ignored.</summary>
    private static Task<HttpResponseMessage> PutProfileAsync(TestHub hub, JsonObject profile, string claimedPrincipal, string? reason = null)
    {
        var url = reason is null ? ProfileUrl : $"{ProfileUrl}?reason={Uri.EscapeDataString(reason)}";
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", claimedPrincipal);
        return hub.Http.SendAsync(request);
    }

    private static readonly string TokenHolder = $"local:{Environment.UserName}";

    [Fact]
    public async Task Quarantined_orders_are_grouped_by_sku_and_released_in_bulk_after_the_mapping_is_fixed()
    {
        await using var hub = await TestHub.StartAsync();
        var missing = DemoCatalog.Products[2];
        var profile = await hub.DemoProfileAsync();
        var fixedProfile = profile.DeepClone().AsObject();
        profile["skus"]!.AsObject().Remove(missing.MerchantCode);
        using (var put = await PutProfileAsync(hub, profile, "ops@merchant"))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 15, RatePerSecond = 50, Seed = 21 });
        var affected = burst.OrderIds.Where(id => hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == missing.MerchantCode)).ToList();
        Assert.NotEmpty(affected);
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Quarantined);

        // The quarantine index follows the ledger: the write-back adds an order's entry right after its ledger row says
        // Quarantined, so a reader may briefly see fewer entries than quarantined rows.
        var list = await QuarantineListOnceTotalIsAsync(hub.Http, affected.Count, Settle);
        Assert.Equal(affected.Count, list.GetProperty("total").GetInt32());
        var bySku = list.GetProperty("bySku").EnumerateArray().Single();
        Assert.Equal(missing.MerchantCode, bySku.GetProperty("sku").GetString());
        Assert.Equal(affected.Count, bySku.GetProperty("count").GetInt32());
        Assert.NotEmpty(list.GetProperty("byReason").EnumerateArray());

        using (var put = await PutProfileAsync(hub, fixedProfile, "ops@merchant"))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var release = await hub.Http.PostAsJsonAsync("/api/quarantine/release", new { sku = missing.MerchantCode });
        Assert.Equal(HttpStatusCode.Accepted, release.StatusCode);
        Assert.Equal(affected.Count, (await release.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("released").GetInt32());

        var after = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, affected, Settle, SyncStatus.Synced);
        Assert.All(after.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.All(affected, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        // Likewise the release: the write-back removes an order's entry right after its ledger row says Synced.
        Assert.Equal(0, (await QuarantineListOnceTotalIsAsync(hub.Http, 0, Settle)).GetProperty("total").GetInt32());
    }

    /// <summary>The quarantine list once its total is <paramref name="expected"/>, or the last one read when the time is up.</summary>
    private static async Task<JsonElement> QuarantineListOnceTotalIsAsync(HttpClient http, int expected, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var list = await http.GetFromJsonAsync<JsonElement>("/api/quarantine");
            if (list.GetProperty("total").GetInt32() == expected || DateTimeOffset.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task An_invalid_profile_is_refused_with_json_paths_and_every_accepted_change_is_versioned_with_who_and_what()
    {
        await using var hub = await TestHub.StartAsync();
        var profile = await hub.DemoProfileAsync();

        var bad = profile.DeepClone().AsObject();
        bad["customerNumber"] = "";
        bad["rules"] = JsonNode.Parse("""[{"name":"r","when":{"field":"nope","op":"eq","value":1},"outcome":"Hold","reason":"x"}]""");
        using (var refused = await PutProfileAsync(hub, bad, "intern"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var paths = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Contains("$.customerNumber", paths);
            Assert.Contains("$.rules[0].when.field", paths);
        }

        profile["salesmanNumber"] = "EMP-007";
        using (var accepted = await PutProfileAsync(hub, profile, "lead@merchant", "销售员变更 new salesman"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var history = await hub.Http.GetFromJsonAsync<JsonElement>(ProfileUrl + "/history");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count); // the seeded version and the accepted edit; the refused one left nothing
        var last = versions.Last();
        Assert.Equal(TokenHolder, last.GetProperty("changedBy").GetString()); // the token's holder, not the header's claim
        Assert.Contains("salesmanNumber", last.GetProperty("summary").GetString());

        // Both calls are in the audit trail, newest first: the accepted one with its versions and reason, the refused one as no change.
        var trail = (await hub.Http.GetFromJsonAsync<JsonElement>("/api/audit")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, trail.Count);
        Assert.All(trail, e => Assert.Equal((TokenHolder, "profile.put", "PUT", ProfileUrl), (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("method").GetString(), e.GetProperty("route").GetString())));
        Assert.StartsWith($"profile douyin:{DemoCatalog.ShopId} version 1 -> 2", trail[0].GetProperty("change").GetString(), StringComparison.Ordinal);
        Assert.Equal("销售员变更 new salesman", trail[0].GetProperty("reason").GetString());
        Assert.Equal(200, trail[0].GetProperty("status").GetInt32());
        Assert.Equal(("nothing (the profile was refused)", "(none)", 400), (trail[1].GetProperty("change").GetString(), trail[1].GetProperty("reason").GetString(), trail[1].GetProperty("status").GetInt32()));
        Assert.Equal("EMP-007", (await hub.DemoProfileAsync())["salesmanNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_shows_the_documents_and_quarantines_a_draft_would_produce_and_writes_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 6, RatePerSecond = 50, Seed = 4 });
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        var billsBefore = hub.Kingdee.Bills.Count;
        var draft = await hub.DemoProfileAsync();
        draft["customerNumber"] = "CUST-NEW";
        draft["skus"]!.AsObject().Remove(DemoCatalog.Products[0].MerchantCode);

        using var response = await hub.Http.PostAsJsonAsync(ProfileUrl + "/dry-run", new { profile = draft, last = 6 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var orders = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(6, orders.Count);
        foreach (var result in orders)
        {
            var id = result.GetProperty("orderId").GetString()!;
            var hasMissing = hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == DemoCatalog.Products[0].MerchantCode);
            Assert.Equal(hasMissing ? "quarantine" : "write", result.GetProperty("outcome").GetString());
            if (!hasMissing)
            {
                Assert.Equal("CUST-NEW", result.GetProperty("document").GetProperty("customerNumber").GetString());
            }
        }

        Assert.Equal(billsBefore, hub.Kingdee.Bills.Count);
        Assert.NotEqual("CUST-NEW", (await hub.DemoProfileAsync())["customerNumber"]!.GetValue<string>());
        Assert.All(burst.OrderIds, id => Assert.Equal(SyncStatus.Synced, hub.Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, id), CancellationToken.None).Result!.Status));
    }

    [Fact]
    public async Task A_held_order_waits_until_a_person_releases_it_and_resync_is_safe_to_repeat()
    {
        await using var hub = await TestHub.StartAsync();
        var profile = await hub.DemoProfileAsync();
        profile["rules"] = JsonNode.Parse("""[{"name":"review","when":{"field":"lineCount","op":"gt","value":0},"outcome":"Hold","reason":"first live show: review every order"}]""");
        (await PutProfileAsync(hub, profile, "lead")).Dispose();

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 2, RatePerSecond = 20, Seed = 9 });
        var held = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.OnHold);
        Assert.All(held.Values, e => Assert.Equal(SyncStatus.OnHold, e!.Status));
        Assert.Empty(hub.Kingdee.Bills);

        var first = burst.OrderIds[0];
        (await hub.Http.PostAsJsonAsync("/api/quarantine/release", new { instanceIds = new[] { $"douyin:{DemoCatalog.ShopId}:{first}" } })).Dispose();
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [first], Settle, SyncStatus.Synced);

        for (var i = 0; i < 2; i++)
        {
            using var resync = await hub.Http.PostAsync($"/api/orders/douyin/{DemoCatalog.ShopId}/{first}/resync", TestHub.EmptyJson());
            Assert.Equal(HttpStatusCode.Accepted, resync.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(hub.Kingdee.FindByNetOrderBillNo(first));
        Assert.Equal(SyncStatus.OnHold, (await hub.Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, burst.OrderIds[1]), CancellationToken.None))!.Status);
    }
}

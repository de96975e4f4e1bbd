using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>The mapping workbench's JSON routes: SKUs seen, ERP material search, preview, versions with comments, restore.</summary>
public sealed class MappingWorkbenchApiTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);
    private static readonly string Mapping = $"/api/mapping/douyin/{DemoCatalog.ShopId}";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(TestHub hub, string url, object body)
    {
        using var response = await hub.Http.PostAsJsonAsync(url, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task An_unknown_sku_goes_from_quarantine_to_synced_through_skus_seen_search_preview_save_and_release()
    {
        await using var hub = await TestHub.StartAsync();
        var missing = DemoCatalog.Products[2];
        var draft = await hub.DemoProfileAsync();
        var withoutSku = draft.DeepClone().AsObject();
        withoutSku["skus"]!.AsObject().Remove(missing.MerchantCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hub, Mapping + "/versions", new { profile = withoutSku, comment = "面霜下架 cream delisted" })).Status);

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 12, RatePerSecond = 50, Seed = 21 });
        var affected = burst.OrderIds.Where(id => hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == missing.MerchantCode)).ToList();
        Assert.NotEmpty(affected);
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Quarantined);

        // SKUs seen: the unmapped one first, with its title and the units the burst sold of it (sightings are written
        // behind the sync, so they may land just after the ledger).
        var sold = burst.OrderIds.SelectMany(id => hub.DouyinOrders.Find(id)!.Lines).Where(l => l.Code == missing.MerchantCode && l.GivenProductType != "FREE").Sum(l => l.ItemNum);
        var skus = await SkusSeenOnceCountedAsync(hub, missing.MerchantCode, sold);
        Assert.Equal(missing.MerchantCode, skus[0].GetProperty("sku").GetString());
        Assert.Equal(JsonValueKind.Null, skus[0].GetProperty("mappedAs").ValueKind);
        Assert.Equal(missing.Title, skus[0].GetProperty("title").GetString());
        Assert.Equal(sold, skus[0].GetProperty("unitsSold").GetInt64());
        Assert.All(skus.Skip(1), s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("mappedAs").ValueKind));

        // The ERP's material for it, found by name; the same search again is answered from the cache.
        var search = await hub.Http.GetFromJsonAsync<JsonElement>("/api/mapping/materials?q=" + Uri.EscapeDataString("面霜"));
        var material = search.GetProperty("materials").EnumerateArray().Single();
        Assert.Equal((missing.MaterialNumber, "Pcs", false), (material.GetProperty("number").GetString(), material.GetProperty("unit").GetString(), search.GetProperty("cached").GetBoolean()));
        Assert.True((await hub.Http.GetFromJsonAsync<JsonElement>("/api/mapping/materials?q=" + Uri.EscapeDataString("面霜"))).GetProperty("cached").GetBoolean());
        using (var blank = await hub.Http.GetAsync("/api/mapping/materials?q=%20"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        }

        // Preview: the current profile quarantines the order for the SKU, the draft writes it; by order id and by pasted answer.
        var fixedDraft = withoutSku.DeepClone().AsObject();
        fixedDraft["skus"]![missing.MerchantCode] = new JsonObject { ["materialNumber"] = missing.MaterialNumber, ["unitNumber"] = "Pcs" };
        var pasted = DouyinOpenApiEnvelope.Ok(new JsonObject { ["shop_order_detail"] = DouyinOrderDetailJson.ShopOrderDetail(hub.DouyinOrders.Find(affected[0])!) }).ToJsonString();
        foreach (var request in new object[] { new { profile = fixedDraft, orderId = affected[0] }, new { profile = fixedDraft, payload = pasted } })
        {
            var (status, preview) = await PostAsync(hub, Mapping + "/preview", request);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(affected[0], preview.GetProperty("orderId").GetString());
            var current = preview.GetProperty("current").GetProperty("plan");
            Assert.Equal("quarantine", current.GetProperty("outcome").GetString());
            Assert.Equal([missing.MerchantCode], current.GetProperty("unmappedSkus").EnumerateArray().Select(s => s.GetString()));
            var drafted = preview.GetProperty("draft");
            Assert.Equal("write", drafted.GetProperty("outcome").GetString());
            Assert.Contains(drafted.GetProperty("document").GetProperty("lines").EnumerateArray(), l => l.GetProperty("materialNumber").GetString() == missing.MaterialNumber);
        }

        var badDraft = fixedDraft.DeepClone().AsObject();
        badDraft["skus"]![missing.MerchantCode]!["unitNumber"] = "";
        var invalid = await PostAsync(hub, Mapping + "/preview", new { profile = badDraft, orderId = affected[0] });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains(invalid.Body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == $"$.skus['{missing.MerchantCode}'].unitNumber");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(hub, Mapping + "/preview", new { profile = fixedDraft, payload = "{\"code\":10000}" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(hub, Mapping + "/preview", new { profile = fixedDraft })).Status);
        Assert.Equal(0, hub.Kingdee.Bills.Count(b => affected.Contains(b.NetOrderBillNo)));

        // Save with a comment, then release the orders waiting on the SKU: they reach the ERP.
        var saved = await PostAsync(hub, Mapping + "/versions", new { profile = fixedDraft, comment = "面霜映射 map the cream" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        using var release = await hub.Http.PostAsJsonAsync("/api/quarantine/release", new { sku = missing.MerchantCode });
        Assert.Equal(HttpStatusCode.Accepted, release.StatusCode);
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, affected, Settle, SyncStatus.Synced);
        Assert.All(affected, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        var remapped = (await hub.Http.GetFromJsonAsync<JsonElement>(Mapping + "/skus")).GetProperty("skus").EnumerateArray().Single(s => s.GetProperty("sku").GetString() == missing.MerchantCode);
        Assert.Equal("material", remapped.GetProperty("mappedAs").GetString());
    }

    /// <summary>The SKUs seen, once the given SKU shows the units sold (or after a while, for the assertions to report).</summary>
    private static async Task<List<JsonElement>> SkusSeenOnceCountedAsync(TestHub hub, string sku, long units)
    {
        for (var attempt = 1; ; attempt++)
        {
            var skus = (await hub.Http.GetFromJsonAsync<JsonElement>(Mapping + "/skus")).GetProperty("skus").EnumerateArray().ToList();
            var counted = skus.Any(s => s.GetProperty("sku").GetString() == sku && s.GetProperty("unitsSold").GetInt64() == units);
            if (counted || attempt == 50)
            {
                return skus;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_preview_request_in_admin_api_http_is_accepted_and_shows_its_drafts_remapping()
    {
        await using var hub = await TestHub.StartAsync();
        var order = Enumerable.Range(0, 200).Select(_ => hub.DouyinOrders.CreateOrders(1, DemoCatalog.ShopId).Single())
            .First(o => o.Lines.Any(l => l.Code == "SKU-LIP-02" && l.GivenProductType != "FREE"));
        var http = (await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "docs", "admin-api.http"))).ReplaceLineEndings("\n");
        var request = http[http.IndexOf("POST {{host}}/mapping/{{platform}}/{{shop}}/preview", StringComparison.Ordinal)..];
        var body = request[request.IndexOf("\n{\n", StringComparison.Ordinal)..(request.IndexOf("\n}\n", StringComparison.Ordinal) + 2)].Replace("{{order}}", order.OrderId, StringComparison.Ordinal);

        using var response = await hub.Http.PostAsync(Mapping + "/preview?reason=example", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        static IEnumerable<string?> Materials(JsonElement plan) => plan.GetProperty("document").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("materialNumber").GetString());
        Assert.Equal(order.OrderId, preview.GetProperty("orderId").GetString());
        Assert.Contains("MAT-LIP-02", Materials(preview.GetProperty("current").GetProperty("plan")));
        Assert.Equal("write", preview.GetProperty("draft").GetProperty("outcome").GetString());
        Assert.DoesNotContain("MAT-LIP-02", Materials(preview.GetProperty("draft")));
        Assert.Contains("MAT-LIP-01", Materials(preview.GetProperty("draft")));
    }

    [Fact]
    public async Task Saves_need_a_comment_history_shows_field_changes_and_a_restore_is_a_new_audited_version()
    {
        await using var hub = await TestHub.StartAsync();
        var profile = await hub.DemoProfileAsync();
        var seeded = profile.DeepClone().AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(hub, Mapping + "/versions", new { profile, comment = "  " })).Status);
        profile["customerNumber"] = "CUST-NEW";
        var second = await PostAsync(hub, Mapping + "/versions", new { profile, comment = "新客户 new customer" });
        Assert.Equal((HttpStatusCode.OK, 2), (second.Status, second.Body.GetProperty("version").GetInt32()));

        var history = (await hub.Http.GetFromJsonAsync<JsonElement>(Mapping + "/versions")).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], history.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("新客户 new customer", history[0].GetProperty("comment").GetString());
        var change = history[0].GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("$.customerNumber", $"\"{seeded["customerNumber"]}\"", "\"CUST-NEW\""), (change.GetProperty("path").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Equal(seeded["customerNumber"]!.GetValue<string>(), JsonNode.Parse(await hub.Http.GetStringAsync(Mapping + "/versions/1"))!["customerNumber"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(hub, Mapping + "/versions/1/restore", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(hub, Mapping + "/versions/99/restore", new { comment = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(hub, Mapping + "/versions/abc/restore", new { comment = "x" })).Status);
        var restored = await PostAsync(hub, Mapping + "/versions/1/restore", new { comment = "客户填错 wrong customer" });
        Assert.Equal((HttpStatusCode.OK, 3), (restored.Status, restored.Body.GetProperty("version").GetInt32()));
        Assert.Equal(seeded["customerNumber"]!.GetValue<string>(), (await hub.DemoProfileAsync())["customerNumber"]!.GetValue<string>());
        var latest = (await hub.Http.GetFromJsonAsync<JsonElement>(Mapping + "/versions")).GetProperty("versions")[0];
        Assert.Equal("restore v1: 客户填错 wrong customer", latest.GetProperty("comment").GetString());

        var trail = (await hub.Http.GetFromJsonAsync<JsonElement>("/api/audit")).GetProperty("entries").EnumerateArray().Reverse().ToList();
        Assert.Equal(
            ["profile.save", "profile.save", "profile.restore", "profile.restore", "profile.restore", "profile.restore"],
            trail.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([400, 200, 400, 404, 400, 200], trail.Select(e => e.GetProperty("status").GetInt32()));
        Assert.StartsWith($"profile douyin:{DemoCatalog.ShopId} version 2 -> 3", trail[^1].GetProperty("change").GetString(), StringComparison.Ordinal);
    }
}

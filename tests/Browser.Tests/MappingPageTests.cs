using System.Net;
using System.Text;

namespace ServerlessSync.Browser.Tests;

/// <summary>The console's mapping workbench in headless chromium: from quarantine to synced, a combo's split, a restore.</summary>
public sealed class MappingPageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);
    private static async Task<IPage> OpenConsoleAsync(TestHub hub, BrowserPage browser)
    {
        await browser.Page.GotoAsync($"{hub.HubUrl}/api/console?platform=douyin&shop={DemoCatalog.ShopId}#token={hub.AdminToken}");
        return browser.Page;
    }

    [Fact]
    public async Task An_unmapped_sku_is_mapped_from_the_quarantine_saved_released_and_its_orders_sync()
    {
        await using var hub = await TestHub.StartAsync();
        var missing = DemoCatalog.Products[2];
        var profile = await hub.DemoProfileAsync();
        profile["skus"]!.AsObject().Remove(missing.MerchantCode);
        using (var put = await hub.Http.PutAsync(TestHub.DemoProfileUrl, new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 10, RatePerSecond = 20, Seed = 21 });
        var affected = burst.OrderIds.Where(id => hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == missing.MerchantCode)).ToList();
        Assert.NotEmpty(affected);
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Quarantined);

        await using var browser = await BrowserPage.OpenAsync(output);
        var page = await OpenConsoleAsync(hub, browser);

        // Quarantine → the SKU map at that SKU, its material search already run with the SKU's title.
        await page.ClickAsync("#quarantine-reload");
        await page.Locator(".sku-group .map-sku").First.ClickAsync();
        await Assertions.Expect(page.Locator("#map-picker-sku")).ToHaveTextAsync(missing.MerchantCode);
        var row = page.Locator($"#map-skus tr[data-sku='{missing.MerchantCode}']");
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unmapped"));
        await Assertions.Expect(page.Locator("#map-skus tbody tr").First).ToHaveAttributeAsync("data-sku", missing.MerchantCode);
        await page.Locator($"#map-materials tr[data-number='{missing.MaterialNumber}'] .use-material").ClickAsync();
        await Assertions.Expect(row.Locator(".sku-mapping")).ToContainTextAsync(missing.MaterialNumber);

        // Preview one of the waiting orders: quarantined today, written with the draft.
        await page.FillAsync("#map-preview-order", affected[0]);
        await page.ClickAsync("#map-preview");
        var plans = page.Locator("#map-preview-result .preview-plan");
        await Assertions.Expect(plans).ToHaveCountAsync(2);
        await Assertions.Expect(plans.Nth(0)).ToHaveAttributeAsync("data-outcome", "quarantine");
        await Assertions.Expect(plans.Nth(1)).ToHaveAttributeAsync("data-outcome", "write");
        await Assertions.Expect(plans.Nth(1)).ToContainTextAsync(missing.MaterialNumber);
        await browser.ScreenshotAsync("mapping-zh");

        // Save with a comment, then release the orders that waited on the SKU: they reach the ERP.
        await page.FillAsync("#map-comment", "面霜映射 map the cream");
        await page.ClickAsync("#map-save");
        await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Saved version v3");
        await page.Locator($".map-release[data-sku='{missing.MerchantCode}']").ClickAsync();
        await Assertions.Expect(page.Locator("#map-release .released")).ToContainTextAsync($"Released {affected.Count}");
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, affected, Settle, SyncStatus.Synced);
        Assert.All(affected, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        await page.FillAsync("#order-id", affected[0]);
        await page.ClickAsync("#order-find");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Synced");
        Assert.Equal(missing.MaterialNumber, (await hub.DemoProfileAsync())["skus"]![missing.MerchantCode]!["materialNumber"]!.GetValue<string>());
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_combo_shows_its_split_to_the_fen_and_its_mistakes_in_place_and_an_older_version_is_restored()
    {
        await using var hub = await TestHub.StartAsync();
        await using var browser = await BrowserPage.OpenAsync(output);
        var page = await OpenConsoleAsync(hub, browser);
        await page.FillAsync("#map-shop", DemoCatalog.ShopId);
        await page.ClickAsync("#map-load");
        await Assertions.Expect(page.Locator("#map-version")).ToContainTextAsync("v1");

        // A gift set of one lipstick (¥50.00) and two masks (¥25.00 each): ¥99.01 paid splits 49.51 / 49.50.
        await page.FillAsync("#map-combo-new", "SKU-GIFTSET");
        await page.ClickAsync("#map-combo-add");
        var combo = page.Locator(".combo[data-sku='SKU-GIFTSET']");
        await combo.Locator(".combo-add-component").ClickAsync();
        const string Path = "$.combos['SKU-GIFTSET'].components";
        await combo.Locator($"[data-path=\"{Path}[0].materialNumber\"]").FillAsync("MAT-LIP-01");
        await combo.Locator($"[data-path=\"{Path}[0].listPriceFen\"]").FillAsync("50.00");
        await combo.Locator($"[data-path=\"{Path}[1].materialNumber\"]").FillAsync("MAT-MASK-10");
        await combo.Locator($"[data-path=\"{Path}[1].quantity\"]").FillAsync("2");
        await combo.Locator($"[data-path=\"{Path}[1].listPriceFen\"]").FillAsync("25.00");
        await combo.Locator($"[data-path=\"{Path}[1].unitNumber\"]").FillAsync("");
        await combo.Locator(".combo-amount").FillAsync("99.01");
        await Assertions.Expect(combo.Locator("td.combo-share").Nth(0)).ToHaveTextAsync("¥49.51");
        await Assertions.Expect(combo.Locator("td.combo-share").Nth(1)).ToHaveTextAsync("¥49.50");
        await Assertions.Expect(combo.Locator(".combo-split-status")).ToContainTextAsync("¥99.01");

        // Saving shows the validation message beside the empty unit; fixed, the save is version 2.
        await page.FillAsync("#map-comment", "礼盒组合装 gift set");
        await page.ClickAsync("#map-save");
        await Assertions.Expect(page.Locator($".field-error.inline[data-for=\"{Path}[1].unitNumber\"]")).ToContainTextAsync("the ERP unit is required");
        await browser.ScreenshotAsync("mapping-combo-zh");
        await combo.Locator($"[data-path=\"{Path}[1].unitNumber\"]").FillAsync("Pcs");
        await page.ClickAsync("#map-save");
        await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Saved version v2");
        Assert.Equal(2, (await hub.DemoProfileAsync())["combos"]!["SKU-GIFTSET"]!["components"]!.AsArray().Count);

        // Versions: v2's changes name the combo; restoring v1 makes v3 without it.
        await Assertions.Expect(page.Locator("#map-versions tr[data-version='2']")).ToContainTextAsync("$.combos['SKU-GIFTSET']");
        await page.FillAsync("#map-comment", "先不上礼盒 not yet");
        await page.Locator("#map-versions tr[data-version='1'] .restore").ClickAsync();
        await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Restored as version v3");
        await Assertions.Expect(page.Locator(".combo[data-sku='SKU-GIFTSET']")).ToHaveCountAsync(0);
        Assert.Null((await hub.DemoProfileAsync())["combos"]!["SKU-GIFTSET"]);
        var refused = Assert.Single(browser.Errors); // the refused save's 400, which chromium logs; the page threw nothing
        Assert.Contains("status of 400", refused, StringComparison.Ordinal);
    }
}

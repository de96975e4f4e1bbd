using System.Net;
using System.Text;

namespace ServerlessSync.Browser.Tests;

/// <summary>The operations console in headless chromium: find, resync, quarantine release, alerts and reconciliation, by clicking.</summary>
public sealed class ConsolePageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The quarantine index follows the ledger: the write-back adds or removes an order's entry just after its ledger row
    /// changes, so the list is reloaded until it shows the expected total (then asserted, so a wrong total still fails).
    /// </summary>
    private static async Task ReloadQuarantineUntilTotalIsAsync(IPage page, int expected)
    {
        var total = expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.ClickAsync("#quarantine-reload");
            await page.WaitForTimeoutAsync(500);
            if (await page.Locator("#quarantine-list").GetAttributeAsync("data-total") == total)
            {
                break;
            }
        }

        await Assertions.Expect(page.Locator("#quarantine-list")).ToHaveAttributeAsync("data-total", total);
    }

    private static async Task PutProfileAsync(TestHub hub, JsonObject profile)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TestHub.DemoProfileUrl) { Content = new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await hub.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_console_finds_and_resyncs_an_order_releases_the_quarantine_after_a_mapping_fix_shows_alerts_and_reconciles_the_day()
    {
        await using var hub = await TestHub.StartAsync();
        var missing = DemoCatalog.Products[4];
        var profile = await hub.DemoProfileAsync();
        var fixedProfile = profile.DeepClone().AsObject();
        profile["skus"]!.AsObject().Remove(missing.MerchantCode);
        await PutProfileAsync(hub, profile);

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 12, RatePerSecond = 20, Seed = 21 });
        var affected = burst.OrderIds.Where(id => hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == missing.MerchantCode)).ToList();
        var clean = burst.OrderIds.Except(affected).ToList();
        Assert.NotEmpty(affected);
        Assert.NotEmpty(clean);
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Quarantined);

        await using var browser = await BrowserPage.OpenAsync(output);
        var page = browser.Page;
        await page.GotoAsync($"{hub.HubUrl}/api/console?platform=douyin&shop={DemoCatalog.ShopId}#token={hub.AdminToken}");

        // Find a synced order: its ERP number is the ledger's.
        var synced = (await hub.Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, clean[0]), CancellationToken.None))!;
        await page.FillAsync("#order-shop", DemoCatalog.ShopId);
        await page.FillAsync("#order-id", clean[0]);
        await page.ClickAsync("#order-find");
        await Assertions.Expect(page.Locator("#order-erp")).ToHaveTextAsync(synced.ErpOrderNumber!);
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Synced");

        // Find a quarantined order and resync it by clicking: its history gets a new entry.
        var target = affected[0];
        await page.FillAsync("#order-id", target);
        await page.ClickAsync("#order-find");
        await Assertions.Expect(page.Locator("#order-status")).ToHaveTextAsync("Quarantined");
        var before = int.Parse((await page.Locator("#order-history").GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("#order-resync");
        await page.WaitForFunctionAsync("n => Number(document.getElementById('order-history').dataset.count) > n", before, new() { Timeout = 60_000 });
        var history = (await hub.Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, target), CancellationToken.None))!.History;
        Assert.Equal(before + 1, history.Count);
        Assert.Equal(history.Count, await page.Locator("#order-history tbody tr").CountAsync());

        // Recent alerts: the quarantine was announced.
        await page.ClickAsync("#alerts-reload");
        await Assertions.Expect(page.Locator("#alerts-table tbody")).ToContainTextAsync("Order quarantined / 订单隔离待处理");

        // The quarantine list groups the waiting orders; after the mapping is fixed, one click releases them and they sync.
        await ReloadQuarantineUntilTotalIsAsync(page, affected.Count);
        Assert.True(await page.Locator(".reason-group").CountAsync() >= 1);
        await browser.ScreenshotAsync("console-quarantine");
        await PutProfileAsync(hub, fixedProfile);
        await page.FillAsync("#change-reason", "映射已修复 mapping fixed");
        await page.Locator(".sku-group .release-sku").First.ClickAsync();
        await Assertions.Expect(page.Locator("#quarantine-message")).ToContainTextAsync($"Released {affected.Count} orders");

        // The audit trail shows the release with who, what and why (and the resync before it).
        await Assertions.Expect(page.Locator("#audit-table tbody")).ToContainTextAsync("quarantine.release");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync($"released {affected.Count} matching");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync("映射已修复 mapping fixed");
        await Assertions.Expect(page.Locator("#audit-table tbody")).ToContainTextAsync("order.resync");
        var released = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, affected, Settle, SyncStatus.Synced);
        Assert.All(released.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.All(affected, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        await ReloadQuarantineUntilTotalIsAsync(page, 0);

        // Reconciliation of the burst's day: platform, ledger and ERP agree on every order.
        var day = StatsDay.Of(DateTimeOffset.FromUnixTimeSeconds(hub.DouyinOrders.Find(burst.OrderIds[0])!.CreateTime));
        var ofDay = burst.OrderIds.Count(id => StatsDay.Of(DateTimeOffset.FromUnixTimeSeconds(hub.DouyinOrders.Find(id)!.CreateTime)) == day);
        var dayFen = burst.OrderIds.Where(id => StatsDay.Of(DateTimeOffset.FromUnixTimeSeconds(hub.DouyinOrders.Find(id)!.CreateTime)) == day).Sum(id => hub.DouyinOrders.Find(id)!.PayAmount);
        await page.FillAsync("#recon-shop", DemoCatalog.ShopId);
        await page.FillAsync("#recon-day", day);
        await page.ClickAsync("#recon-run");
        var rows = page.Locator("#recon-totals tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        var count = ofDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync(count + count + BrowserPage.Yuan(dayFen));
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync(count + count + BrowserPage.Yuan(dayFen));
        await Assertions.Expect(page.Locator("#recon-erp-found")).ToContainTextAsync($"{count} / {count}");
        await Assertions.Expect(page.Locator("#recon-erp-amount")).ToHaveTextAsync(BrowserPage.Yuan(dayFen));
        foreach (var section in new[] { "#recon-missing", "#recon-duplicates", "#recon-mismatched" })
        {
            await Assertions.Expect(page.Locator(section)).ToContainTextAsync("× 0");
        }

        await browser.ScreenshotAsync("console");
        Assert.Empty(browser.Errors);
    }
}

using System.Net.Http.Json;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Browser.Tests;

/// <summary>
/// Names from platforms, ERPs and people are text, never markup: hostile product titles, anchor names, live rooms,
/// channels, SKU codes, remarks and alert texts go through the real stores into both pages; every chart's tooltip is opened
/// so it renders; no payload runs and the policy never had to block an inline script.
/// </summary>
public sealed class HostileNamesTests(ITestOutputHelper output)
{
    private const string Payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>\"><svg onload=window.__pwned=1>";

    private const string WatchScript = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Hostile_names_on_the_dashboard_render_as_text_in_tables_and_chart_tooltips_and_run_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        var key = new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, "6900000000000000777");
        var entry = new LedgerEntry { Key = key, Status = SyncStatus.Synced, PlatformStatus = OrderStatus.Paid, PaidAmountFen = 12_300, ErpOrderNumber = "SO-1", UpdatedAt = Now };
        var facts = new OrderSalesFacts(Now, "anchor-1", "anchor" + Payload, "room" + Payload, "channel" + Payload, [new SalesLine("sku" + Payload, "title" + Payload, 3, 12_300, false)]);
        await hub.HubService<StatsRecorder>().RecordAsync(entry, facts, CancellationToken.None);

        await using var browser = await OpenAsync();
        var page = browser.Page;
        var response = await page.GotoAsync(hub.HubUrl + "/api/dashboard");
        AssertSecurityHeaders(response!.Headers);
        await page.WaitForFunctionAsync("() => document.getElementById('kpi-sales').dataset.fen === '12300'");

        Assert.Contains("title" + Payload, await page.Locator("#table-top").TextContentAsync());
        // Live-room ids are table keys, stored with '/' and the like replaced; the markup around them stays text.
        Assert.Contains("room<img src=x onerror=\"window.__pwned=1\"><script>", await page.Locator("#table-rooms").TextContentAsync());
        Assert.Contains("anchor" + Payload, await page.Locator("#table-rooms").TextContentAsync());

        // Auto refresh redraws the charts (and drops an open tooltip) every 2 s: stop it while the tooltips are checked.
        await page.SelectOptionAsync("#refresh", "0");
        await ShowTipAsync(page, "anchor");
        await ExpectTooltipAsync(page, "anchor", "anchor" + Payload);
        await ShowTipAsync(page, "product");
        await ExpectTooltipAsync(page, "product", "title" + Payload);
        await ShowTipAsync(page, "channel");
        await ExpectTooltipAsync(page, "channel", "channel<img src=x onerror=\"window.__pwned=1\"><script>"); // channels are table keys too
        await ShowTipAsync(page, "funnel");
        await ExpectTooltipAsync(page, "funnel", ":");

        await AssertNothingRanAsync(browser);
    }

    [Fact]
    public async Task Hostile_skus_reasons_remarks_and_alerts_in_the_console_render_as_text_and_run_nothing()
    {
        await using var hub = await TestHub.StartAsync();
        var key = new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, "6900000000000000778");
        await hub.Ledger.UpdateAsync(key, _ => new LedgerEntry { Key = key, Status = SyncStatus.Received, UpdatedAt = Now }
            .With(SyncStatus.Quarantined, "buyer remark" + Payload, Now, reason: "reason" + Payload), CancellationToken.None);
        await hub.HubService<QuarantineIndex>().PutAsync(new QuarantinedOrder(key, SyncStatus.Quarantined, "reason" + Payload, ["sku" + Payload], Now), CancellationToken.None);
        await hub.HubService<AlertService>().RaiseAsync(AlertKind.Quarantined, "shop:" + Payload, key.InstanceId, "alert" + Payload, CancellationToken.None);
        // A change whose filter and reason carry markup: the audit trail shows both (it matches nothing, so the order stays).
        using (var release = await hub.Http.PostAsJsonAsync("/api/quarantine/release?reason=" + Uri.EscapeDataString("why" + Payload), new { sku = "nomatch" + Payload }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, release.StatusCode);
        }

        await using var browser = await OpenAsync();
        var page = browser.Page;
        var response = await page.GotoAsync($"{hub.HubUrl}/api/console?platform=douyin&shop={DemoCatalog.ShopId}&order={key.OrderId}");
        AssertSecurityHeaders(response!.Headers);
        await page.WaitForFunctionAsync("() => document.getElementById('quarantine-list').dataset.total === '1'");
        await page.WaitForFunctionAsync("() => document.getElementById('order-history') !== null");
        await page.WaitForFunctionAsync("() => document.querySelector('#alerts-table tbody').textContent.includes('alert<img')");
        await page.WaitForFunctionAsync("() => document.querySelector('#audit-table tbody').textContent.includes('why<img')");

        var quarantine = await page.Locator("#quarantine-list").TextContentAsync();
        Assert.Contains("reason" + Payload, quarantine);
        Assert.Contains("sku" + Payload, quarantine);
        Assert.Contains("buyer remark" + Payload, await page.Locator("#order-history").TextContentAsync());
        Assert.Contains("reason" + Payload, await page.Locator("#order-summary").TextContentAsync());
        Assert.Contains("alert" + Payload, await page.Locator("#alerts-table").TextContentAsync());
        Assert.Contains("shop:" + Payload, await page.Locator("#alerts-table").TextContentAsync());
        var audit = await page.Locator("#audit-table").TextContentAsync();
        Assert.Contains("why" + Payload, audit);
        Assert.Contains("released 0 matching", audit, StringComparison.Ordinal);

        await AssertNothingRanAsync(browser);
    }

    private async Task<BrowserPage> OpenAsync()
    {
        var browser = await BrowserPage.OpenAsync(output);
        await browser.Page.AddInitScriptAsync(WatchScript);
        return browser;
    }

    private static void AssertSecurityHeaders(Dictionary<string, string> headers)
    {
        var policy = headers["content-security-policy"];
        var scripts = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
    }

    private static async Task AssertNothingRanAsync(BrowserPage browser)
    {
        Assert.Null(await browser.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(await browser.Page.EvaluateAsync<string[]>("() => window.__violations"));
        Assert.Empty(await browser.Page.Locator("main img, main svg, main script").AllAsync());
        Assert.Empty(browser.Errors);
    }

    /// <summary>Opens the chart's tooltip on its first data item the way a pointer over it does (ECharts' showTip action).</summary>
    private static Task ShowTipAsync(Microsoft.Playwright.IPage page, string chart) =>
        page.EvaluateAsync("name => window.dashboardCharts[name].dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 })", chart);

    private static async Task ExpectTooltipAsync(Microsoft.Playwright.IPage page, string chart, string text)
    {
        try
        {
            // The page refreshes its charts every 2 s, which may close a tooltip before it is read: open it again until seen.
            await page.WaitForFunctionAsync(
                "([name, text]) => [...document.querySelectorAll('#chart-' + name + ' div')].some(d => getComputedStyle(d).display !== 'none' && !d.querySelector('canvas') && d.textContent.includes(text))" +
                " || (window.dashboardCharts[name].dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 }), false)",
                new[] { chart, text },
                new() { Timeout = 15_000, PollingInterval = 500 });
        }
        catch (TimeoutException)
        {
            var seen = await page.EvaluateAsync<string>("name => [...document.querySelectorAll('#chart-' + name + ' div')].map(d => d.outerHTML.substring(0, 300)).join(' || ')", chart);
            throw new Xunit.Sdk.XunitException($"no tooltip with '{text}' on chart {chart}; its divs: {seen}");
        }
    }
}

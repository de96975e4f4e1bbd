using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Orders;
using ServerlessSync.HubTestSupport;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Simulators;
using Xunit.Abstractions;

namespace ServerlessSync.Browser.Tests;

/// <summary>
/// Names from platforms, ERPs and people are text, never markup: hostile product titles, anchor names, live rooms,
/// channels, SKU codes, remarks and alert texts go through the real stores into both pages; every chart is hovered so
/// its tooltip renders; no payload runs and the policy never had to block an inline script.
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
    public async Task Hostile_names_on_the_dashboard_render_as_text_in_tables_and_hovered_tooltips_and_run_nothing()
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
        Assert.Contains("room" + Payload, await page.Locator("#table-rooms").TextContentAsync());
        Assert.Contains("anchor" + Payload, await page.Locator("#table-rooms").TextContentAsync());

        await HoverBarAsync(page, "anchor");
        await ExpectTooltipAsync(page, "anchor", "anchor" + Payload);
        await HoverBarAsync(page, "product");
        await ExpectTooltipAsync(page, "product", "title" + Payload);
        await HoverItemAsync(page, "channel");
        await ExpectTooltipAsync(page, "channel", "channel" + Payload);
        await HoverItemAsync(page, "funnel");
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

        await using var browser = await OpenAsync();
        var page = browser.Page;
        var response = await page.GotoAsync($"{hub.HubUrl}/api/console?platform=douyin&shop={DemoCatalog.ShopId}&order={key.OrderId}");
        AssertSecurityHeaders(response!.Headers);
        await page.WaitForFunctionAsync("() => document.getElementById('quarantine-list').dataset.total === '1'");
        await page.WaitForFunctionAsync("() => document.getElementById('order-history') !== null");
        await page.WaitForFunctionAsync("() => document.querySelector('#alerts-table tbody').textContent.includes('alert<img')");

        var quarantine = await page.Locator("#quarantine-list").TextContentAsync();
        Assert.Contains("reason" + Payload, quarantine);
        Assert.Contains("sku" + Payload, quarantine);
        Assert.Contains("buyer remark" + Payload, await page.Locator("#order-history").TextContentAsync());
        Assert.Contains("reason" + Payload, await page.Locator("#order-summary").TextContentAsync());
        Assert.Contains("alert" + Payload, await page.Locator("#alerts-table").TextContentAsync());
        Assert.Contains("shop:" + Payload, await page.Locator("#alerts-table").TextContentAsync());

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

    /// <summary>Moves the mouse onto the first bar of a bar chart (axis tooltip).</summary>
    private static async Task HoverBarAsync(Microsoft.Playwright.IPage page, string chart)
    {
        var point = await page.EvaluateAsync<double[]>(
            "name => { const c = window.dashboardCharts[name]; const v = c.getOption().series[0].data[0]; return c.convertToPixel({ seriesIndex: 0 }, [v / 2, 0]); }", chart);
        await MoveAsync(page, chart, point);
    }

    /// <summary>Moves the mouse onto the middle of the first pie sector or funnel slice (item tooltip).</summary>
    private static async Task HoverItemAsync(Microsoft.Playwright.IPage page, string chart)
    {
        var point = await page.EvaluateAsync<double[]>("""
            name => {
              const layout = window.dashboardCharts[name].getModel().getSeriesByIndex(0).getData().getItemLayout(0);
              if (layout.points) return [layout.points.reduce((s, p) => s + p[0], 0) / 4, layout.points.reduce((s, p) => s + p[1], 0) / 4];
              const angle = (layout.startAngle + layout.endAngle) / 2, r = (layout.r + layout.r0) / 2;
              return [layout.cx + r * Math.cos(angle), layout.cy + r * Math.sin(angle)];
            }
            """, chart);
        await MoveAsync(page, chart, point);
    }

    private static async Task MoveAsync(Microsoft.Playwright.IPage page, string chart, double[] point)
    {
        var box = (await page.Locator("#chart-" + chart).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));
    }

    private static Task ExpectTooltipAsync(Microsoft.Playwright.IPage page, string chart, string text) =>
        page.WaitForFunctionAsync(
            "([name, text]) => [...document.querySelectorAll('#chart-' + name + ' div')].some(d => d.style.zIndex === '9999999' && d.style.display !== 'none' && d.textContent.includes(text))",
            new[] { chart, text });
}

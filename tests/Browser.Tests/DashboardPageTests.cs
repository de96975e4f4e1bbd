using System.Text.Json;

namespace ServerlessSync.Browser.Tests;

/// <summary>The live dashboard in headless chromium against a whole hub while a Douyin live burst plays.</summary>
public sealed class DashboardPageTests(ITestOutputHelper output)
{
    private const string CanvasInkScript = """
        id => {
          const canvas = document.querySelector('#' + id + ' canvas');
          if (!canvas || canvas.width === 0 || canvas.height === 0) return -1;
          const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let ink = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) ink++;
          return ink;
        }
        """;

    [Fact]
    public async Task The_dashboard_refreshes_during_a_burst_to_the_ledgers_sales_and_draws_its_charts()
    {
        await using var hub = await TestHub.StartAsync();
        await using var browser = await BrowserPage.OpenAsync(output);
        var page = browser.Page;
        await page.GotoAsync(hub.HubUrl + "/api/dashboard");
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.loaded || 0) > 0");
        var loadsBefore = int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.loaded"), System.Globalization.CultureInfo.InvariantCulture);

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 30, RatePerSecond = 15, Seed = 11, DuplicateRate = 0.2 });
        var settled = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromSeconds(120), SyncStatus.Synced);
        Assert.All(settled.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));

        // The ledger is the truth: count its orders and amounts for the business day most of the burst falls in.
        var dayOf = burst.OrderIds.ToDictionary(id => id, id => StatsDay.Of(DateTimeOffset.FromUnixTimeSeconds(hub.DouyinOrders.Find(id)!.CreateTime)));
        var day = dayOf.Values.GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key;
        var ledger = new List<LedgerEntry>();
        await foreach (var entry in hub.Ledger.ListShopAsync(PlatformNames.Douyin, DemoCatalog.ShopId, CancellationToken.None))
        {
            if (dayOf.GetValueOrDefault(entry.Key.OrderId) == day && entry.PlatformStatus is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed)
            {
                ledger.Add(entry);
            }
        }

        var expectedFen = ledger.Sum(e => e.PaidAmountFen);
        Assert.True(ledger.Count > 0 && expectedFen > 0);
        if (day != StatsDay.Of(DateTimeOffset.UtcNow))
        {
            await page.GotoAsync($"{hub.HubUrl}/api/dashboard?day={day}"); // the burst straddled midnight in Beijing
        }

        // No reload: the page's own refresh must bring the figures up to the ledger's.
        await page.WaitForFunctionAsync("fen => document.getElementById('kpi-sales').dataset.fen === fen", expectedFen.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        Assert.True(int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.loaded"), System.Globalization.CultureInfo.InvariantCulture) > loadsBefore);
        Assert.Equal(BrowserPage.Yuan(expectedFen), await page.Locator("#kpi-sales").TextContentAsync());
        Assert.Equal(ledger.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#kpi-orders").TextContentAsync());

        // Sales by anchor: the chart's data is the ledger's amounts grouped by the anchor of each order.
        var expectedByAnchor = ledger
            .GroupBy(e => hub.DouyinOrders.Find(e.Key.OrderId)!.Lines[0].AuthorName!)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.PaidAmountFen));
        var chart = await page.EvaluateAsync<JsonElement>("() => { const o = window.dashboardCharts.anchor.getOption(); return { names: o.yAxis[0].data, values: o.series[0].data }; }");
        var shown = chart.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)
            .Zip(chart.GetProperty("values").EnumerateArray().Select(v => (long)Math.Round(v.GetDouble() * 100)))
            .ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(expectedByAnchor.OrderBy(p => p.Key), shown.OrderBy(p => p.Key));

        // The top sellers table lists products the burst sold, and the sum of units matches the simulator's orders.
        var units = ledger.SelectMany(e => hub.DouyinOrders.Find(e.Key.OrderId)!.Lines).Where(l => l.GivenProductType != "FREE").Sum(l => l.ItemNum);
        var productUnits = await page.EvaluateAsync<JsonElement>("() => window.dashboardCharts.product.getOption().series[0].data");
        Assert.Equal(units, productUnits.EnumerateArray().Sum(v => (long)v.GetDouble()));

        foreach (var id in new[] { "chart-anchor", "chart-product", "chart-channel", "chart-funnel" })
        {
            var ink = await page.EvaluateAsync<int>(CanvasInkScript, id);
            Assert.True(ink > 500, $"{id}: the canvas is missing or blank ({ink} painted pixels)");
        }

        Assert.Contains("主播销售额", await page.Locator("body").TextContentAsync());
        Assert.Contains("Sales by anchor", await page.Locator("body").TextContentAsync());
        await browser.ScreenshotAsync("dashboard");
        Assert.Empty(browser.Errors);
    }
}

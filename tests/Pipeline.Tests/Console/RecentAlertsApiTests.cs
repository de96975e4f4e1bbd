namespace ServerlessSync.Pipeline.Tests.OpsConsole;

public sealed class RecentAlertsApiTests
{
    [Fact]
    public async Task Recent_alerts_are_the_newest_first_from_the_alert_log_and_the_limit_is_honoured()
    {
        var storage = await CoreStorage.CreateAsync();
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 18, 12, 0, 0, TimeSpan.Zero));
        var alerts = new AlertService(storage, [], Options.Create(new AlertOptions { FailureThreshold = 1, DedupeMinutes = 0 }), clock, NullLogger<AlertService>.Instance);
        for (var i = 0; i < 5; i++)
        {
            await alerts.RaiseAsync(AlertKind.Quarantined, $"shop:douyin:{i}", $"douyin:100200300:{i}", $"unmapped SKU-{i}", CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var api = new RecentAlertsApi(storage);
        var reply = await api.GetAsync("3", CancellationToken.None);

        Assert.Equal(200, reply.StatusCode);
        var list = JsonDocument.Parse(reply.Body).RootElement.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(["douyin:100200300:4", "douyin:100200300:3", "douyin:100200300:2"], list.Select(a => a.GetProperty("instanceId").GetString()));
        Assert.Equal("Order quarantined / 订单隔离待处理", list[0].GetProperty("title").GetString());
        Assert.Equal("unmapped SKU-4", list[0].GetProperty("reason").GetString());
        Assert.Equal(400, (await api.GetAsync("0", CancellationToken.None)).StatusCode);
    }
}

namespace ServerlessSync.Pipeline.Tests.Core;

public sealed class AlertServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);
    private const string Erp = "erp:Kingdee";
    private readonly ManualClock clock = new(T0);
    private readonly HttpClient http = new();
    private WeComRobot receiver = null!;
    private AlertService alerts = null!;

    public async Task InitializeAsync()
    {
        receiver = await WeComRobot.StartAsync();
        var options = Options.Create(new AlertOptions { WeComWebhookUrl = receiver.Url });
        alerts = new AlertService(await CoreStorage.CreateAsync(), [new WeComAlertChannel(http, options)], options, clock, NullLogger<AlertService>.Instance);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await receiver.DisposeAsync();
    }

    private Task<bool> FailAsync(int n) =>
        alerts.RaiseAsync(AlertKind.ErpRejected, Erp, $"douyin:shop-1:69200000000000000{n:D2}", $"客户编码不存在 customer CUST-DY missing ({n})", default);

    [Fact]
    public async Task Three_consecutive_erp_failures_send_one_wecom_markdown_message()
    {
        Assert.False(await FailAsync(1));
        Assert.False(await FailAsync(2));
        Assert.Empty(receiver.Messages);

        Assert.True(await FailAsync(3));

        var body = Assert.Single(receiver.Messages);
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var content = body.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("douyin:shop-1:6920000000000000003", content);
        Assert.Contains("客户编码不存在 customer CUST-DY missing (3)", content);
        Assert.Contains(Erp, content);
        Assert.Equal(2, body.EnumerateObject().Count());

        // Only ids and reasons: a title line and four quoted fields, nothing else that could carry buyer data.
        var lines = content.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("## ", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("> ", l));
        Assert.DoesNotMatch(@"1[3-9]\d{9}", content);
    }

    [Fact]
    public async Task A_fourth_failure_within_the_window_is_not_sent_again_but_one_after_it_is()
    {
        for (var i = 1; i <= 3; i++)
        {
            await FailAsync(i);
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await FailAsync(4));
        Assert.Single(receiver.Messages);

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await FailAsync(5));
        Assert.Equal(2, receiver.Messages.Count);
    }

    [Fact]
    public async Task A_success_resets_the_consecutive_failure_count()
    {
        Assert.False(await FailAsync(1));
        Assert.False(await FailAsync(2));
        await alerts.RecordSuccessAsync(Erp, default);

        Assert.False(await FailAsync(3));
        Assert.False(await FailAsync(4));
        Assert.Empty(receiver.Messages);
        Assert.True(await FailAsync(5));
        Assert.Single(receiver.Messages);
    }

    [Fact]
    public async Task Quarantine_alerts_at_once()
    {
        Assert.True(await alerts.RaiseAsync(AlertKind.Quarantined, "shop:douyin:shop-1", "douyin:shop-1:1", "unmapped SKU: 3500001", default));

        var content = Assert.Single(receiver.Messages).GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("unmapped SKU: 3500001", content);
        Assert.Contains("douyin:shop-1:1", content);
    }

    [Fact]
    public async Task Targets_are_counted_separately()
    {
        await FailAsync(1);
        await FailAsync(2);
        Assert.True(await alerts.RaiseAsync(AlertKind.Quarantined, "shop:douyin:shop-1", "douyin:shop-1:9", "bad amounts", default));
        Assert.False(await alerts.RaiseAsync(AlertKind.ErpRejected, "erp:Other", "douyin:shop-1:9", "x", default));
        Assert.True(await FailAsync(3));
        Assert.Equal(2, receiver.Messages.Count);
    }

    [Fact]
    public async Task A_robot_refusal_throws_and_the_alert_is_not_counted_as_sent()
    {
        receiver.ErrCode = 93000;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            alerts.RaiseAsync(AlertKind.Quarantined, "shop:douyin:shop-1", "douyin:shop-1:1", "unmapped SKU: 1", default));
        Assert.Contains("93000", ex.Message);

        // The retry (the activity or the next order) must reach people instead of being deduped away.
        receiver.ErrCode = 0;
        Assert.True(await alerts.RaiseAsync(AlertKind.Quarantined, "shop:douyin:shop-1", "douyin:shop-1:1", "unmapped SKU: 1", default));
        Assert.Equal(2, receiver.Messages.Count);
    }

    [Fact]
    public async Task A_very_long_reason_is_cut_to_what_wecom_accepts()
    {
        var reason = "unmapped SKU: " + string.Join(", ", Enumerable.Range(0, 800).Select(i => $"商品{i:D6}"));

        Assert.True(await alerts.RaiseAsync(AlertKind.Quarantined, "shop:douyin:shop-1", "douyin:shop-1:1", reason, default));

        var content = Assert.Single(receiver.Messages).GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(content) <= 4096, $"{System.Text.Encoding.UTF8.GetByteCount(content)} bytes");
        Assert.Contains("douyin:shop-1:1", content);
        Assert.Contains("unmapped SKU: 商品000000", content);
        Assert.Contains("…", content);
        Assert.EndsWith("UTC", content); // the time line survives the cut
    }
}

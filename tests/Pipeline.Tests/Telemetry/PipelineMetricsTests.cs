namespace ServerlessSync.Pipeline.Tests.Telemetry;

public sealed class PipelineMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PipelineMetrics metrics;
    private readonly MetricRecorder recorder;

    public PipelineMetricsTests()
    {
        metrics = new PipelineMetrics(services.GetRequiredService<IMeterFactory>(), "Kingdee");
        recorder = new MetricRecorder(metrics.Meter);
    }

    public void Dispose()
    {
        recorder.Dispose();
        services.Dispose();
    }

    [Fact]
    public void The_meter_is_named_ServerlessSync_and_order_counters_carry_platform_shop_and_erp()
    {
        metrics.OrderReceived("douyin", "100200300");
        metrics.OrderReceived("kuaishou", "777");

        Assert.Equal("ServerlessSync", metrics.Meter.Name);
        var received = recorder.Of("orders.received");
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(1, m.Value));
        Assert.Equal(
            new Dictionary<string, string?> { ["platform"] = "douyin", ["shop"] = "100200300", ["erp"] = "Kingdee" },
            received[0].Tags);
        Assert.Equal("kuaishou", received[1].Tags["platform"]);
    }

    [Theory]
    [InlineData(SyncStatus.Synced, "orders.synced")]
    [InlineData(SyncStatus.Quarantined, "orders.quarantined")]
    [InlineData(SyncStatus.PendingStock, "orders.pending_stock")]
    [InlineData(SyncStatus.Failed, "orders.failed")]
    public void A_status_change_into_an_outcome_counts_once_on_its_counter(SyncStatus status, string instrument)
    {
        var key = new OrderKey("wechat", "wx-shop", "3729461023847561029384");

        Assert.True(metrics.StatusChanged(key, SyncStatus.Received, status));
        Assert.False(metrics.StatusChanged(key, status, status));

        var measurement = Assert.Single(recorder.Measurements);
        Assert.Equal(instrument, measurement.Instrument);
        Assert.Equal("wx-shop", measurement.Tags["shop"]);
    }

    [Theory]
    [InlineData(SyncStatus.Received)]
    [InlineData(SyncStatus.AwaitingPayment)]
    [InlineData(SyncStatus.CancelledBeforeErp)]
    [InlineData(SyncStatus.CancelledAfterErp)]
    public void Statuses_that_are_not_outcomes_count_nothing(SyncStatus status)
    {
        Assert.False(metrics.StatusChanged(new OrderKey("douyin", "1", "2"), null, status));

        Assert.Empty(recorder.Measurements);
    }

    [Fact]
    public void Queue_lag_and_pending_stock_age_are_histograms_in_seconds_and_never_negative()
    {
        metrics.QueueLagObserved("douyin", TimeSpan.FromMilliseconds(1500));
        metrics.QueueLagObserved("douyin", TimeSpan.FromSeconds(-2)); // worker clocks differ slightly
        metrics.PendingStockWaited("douyin", "100200300", TimeSpan.FromMinutes(90));

        var lag = recorder.Of("orders.queue.lag");
        Assert.Equal([1.5, 0], lag.Select(m => m.Value));
        Assert.Equal("s", lag[0].Unit);
        Assert.Equal(new Dictionary<string, string?> { ["platform"] = "douyin", ["erp"] = "Kingdee" }, lag[0].Tags);
        Assert.Equal(5400, Assert.Single(recorder.Of("orders.pending_stock.age")).Value);
    }

    [Fact]
    public void Erp_calls_record_milliseconds_by_operation_and_outcome_and_throttling_by_reason()
    {
        metrics.ErpCallCompleted("save", TimeSpan.FromMilliseconds(250), success: true);
        metrics.ErpCallCompleted("query", TimeSpan.FromMilliseconds(40), success: false);
        metrics.ErpThrottledCall("governor");

        var calls = recorder.Of("erp.call.duration");
        Assert.Equal([250d, 40d], calls.Select(c => c.Value));
        Assert.Equal("ms", calls[0].Unit);
        Assert.Equal(new Dictionary<string, string?> { ["erp"] = "Kingdee", ["operation"] = "save", ["outcome"] = "success" }, calls[0].Tags);
        Assert.Equal("failure", calls[1].Tags["outcome"]);
        var throttled = Assert.Single(recorder.Of("erp.throttled"));
        Assert.Equal(new Dictionary<string, string?> { ["erp"] = "Kingdee", ["reason"] = "governor" }, throttled.Tags);
    }

    [Fact]
    public void The_pipeline_registers_one_metrics_instance_tagged_with_the_configured_erp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Erp:Kind"] = "Kingdee" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddServerlessSyncPipeline(configuration).BuildServiceProvider();

        var registered = provider.GetRequiredService<PipelineMetrics>();

        Assert.Same(registered, provider.GetRequiredService<PipelineMetrics>());
        Assert.Equal("Kingdee", registered.Erp);
        Assert.Equal(MetricNames.Meter, registered.Meter.Name);
    }
}

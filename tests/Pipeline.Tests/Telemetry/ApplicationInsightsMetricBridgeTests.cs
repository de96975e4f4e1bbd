using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace ServerlessSync.Pipeline.Tests.Telemetry;

/// <summary>The pipeline meter reaches Application Insights as customMetrics through a real TelemetryClient.</summary>
public sealed class ApplicationInsightsMetricBridgeTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly CapturingTelemetryChannel channel = new();
    private readonly TelemetryConfiguration configuration;
    private readonly TelemetryClient client;

    public ApplicationInsightsMetricBridgeTests()
    {
        configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001" };
        client = new TelemetryClient(configuration);
    }

    public void Dispose()
    {
        configuration.Dispose();
        services.Dispose();
    }

    private PipelineMetrics NewMetrics() => new(services.GetRequiredService<IMeterFactory>(), "Kingdee");

    private List<MetricTelemetry> Metrics(string name) => channel.Sent.OfType<MetricTelemetry>().Where(m => m.Name == name).ToList();

    [Fact]
    public async Task Counters_arrive_as_one_aggregate_per_series_with_their_tags_as_dimensions()
    {
        var metrics = NewMetrics();
        using var bridge = new ApplicationInsightsMetricBridge(metrics, client);
        await bridge.StartAsync(CancellationToken.None);

        metrics.OrderReceived("douyin", "100200300");
        metrics.OrderReceived("douyin", "100200300");
        metrics.OrderReceived("douyin", "555");
        metrics.StatusChanged(new OrderKey("douyin", "100200300", "1"), SyncStatus.Received, SyncStatus.Failed);
        client.Flush();

        var received = Metrics("orders.received");
        Assert.Equal(2, received.Count);
        var main = Assert.Single(received, m => m.Properties["shop"] == "100200300");
        Assert.Equal(2, main.Sum);
        Assert.Equal(2, main.Count);
        Assert.Equal("douyin", main.Properties["platform"]);
        Assert.Equal("Kingdee", main.Properties["erp"]);
        Assert.Equal(1, Assert.Single(Metrics("orders.failed")).Sum);
    }

    [Fact]
    public async Task Histograms_keep_count_min_and_max_so_the_queries_can_show_average_and_worst()
    {
        var metrics = NewMetrics();
        using var bridge = new ApplicationInsightsMetricBridge(metrics, client);
        await bridge.StartAsync(CancellationToken.None);

        metrics.QueueLagObserved("kuaishou", TimeSpan.FromSeconds(1));
        metrics.QueueLagObserved("kuaishou", TimeSpan.FromSeconds(7));
        metrics.PendingStockWaited("kuaishou", "9", TimeSpan.FromMinutes(30));
        client.Flush();

        var lag = Assert.Single(Metrics("orders.queue.lag"));
        Assert.Equal(2, lag.Count);
        Assert.Equal(8, lag.Sum);
        Assert.Equal(1, lag.Min);
        Assert.Equal(7, lag.Max);
        Assert.Equal(1800, Assert.Single(Metrics("orders.pending_stock.age")).Max);
    }

    [Fact]
    public async Task Only_the_registered_meter_instance_is_exported_and_nothing_after_stop()
    {
        var metrics = NewMetrics();
        using var otherContainer = new ServiceCollection().AddMetrics().BuildServiceProvider(); // e.g. a test host in the same process
        var other = new PipelineMetrics(otherContainer.GetRequiredService<IMeterFactory>(), "Kingdee");
        using var bridge = new ApplicationInsightsMetricBridge(metrics, client);
        await bridge.StartAsync(CancellationToken.None);

        Assert.NotSame(metrics.Meter, other.Meter);
        other.OrderReceived("douyin", "1");
        metrics.OrderSynced("douyin", "1");
        await bridge.StopAsync(CancellationToken.None);
        metrics.OrderSynced("douyin", "1");
        client.Flush();

        Assert.Empty(Metrics("orders.received"));
        Assert.Equal(1, Assert.Single(Metrics("orders.synced")).Sum);
    }
}

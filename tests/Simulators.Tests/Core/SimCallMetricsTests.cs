namespace ServerlessSync.Simulators.Tests.Core;

public sealed class SimCallMetricsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Calls_are_counted_per_operation_per_second_and_in_flight()
    {
        var metrics = new SimCallMetrics();

        Assert.Equal(1, metrics.Enter("Save", Noon));
        Assert.Equal(2, metrics.Enter("Save", Noon.AddMilliseconds(400)));
        Assert.Equal(3, metrics.Enter("Query", Noon.AddMilliseconds(900)));
        metrics.Exit();
        metrics.Exit();
        Assert.Equal(2, metrics.Enter("Query", Noon.AddSeconds(1)));
        metrics.Count(SimCounter.Throttled);
        metrics.Count(SimCounter.Throttled);
        metrics.Count(SimCounter.CsrfRejections);

        var m = metrics.Snapshot();

        Assert.Equal(4, m.TotalCalls);
        Assert.Equal(3, m.PeakCallsPerSecond);
        Assert.Equal(3, m.PeakConcurrency);
        Assert.Equal(2, m.InFlight);
        Assert.Equal(2, m.Throttled);
        Assert.Equal(1, m.CsrfRejections);
        Assert.Equal(0, m.TransientFailures);
        Assert.Equal(new Dictionary<string, long> { ["Save"] = 2, ["Query"] = 2 }, m.CallsByOperation);
        Assert.Same(m.CallsByOperation, m.CallsByService);
    }

    [Fact]
    public void Reset_zeroes_the_counts_but_keeps_calls_still_in_flight()
    {
        var metrics = new SimCallMetrics();
        metrics.Enter("Save", Noon);
        metrics.Enter("Save", Noon);
        metrics.Exit();
        metrics.Count(SimCounter.BusinessRejects);

        metrics.Reset();
        var m = metrics.Snapshot();

        Assert.Equal(0, m.TotalCalls);
        Assert.Equal(0, m.PeakCallsPerSecond);
        Assert.Equal(1, m.InFlight);
        Assert.Equal(1, m.PeakConcurrency);
        Assert.All(m.Counters.Values, v => Assert.Equal(0, v));
        Assert.Empty(m.CallsByOperation);
    }

    [Fact]
    public void The_metrics_report_lists_the_counters_an_erp_produces_under_its_own_names()
    {
        var metrics = new SimCallMetrics();
        metrics.Enter("POST A_SalesOrder", Noon);
        metrics.Count(SimCounter.Overloaded);
        metrics.Count(SimCounter.TokenFetches);

        var report = SimErpInspection.MetricsReport(metrics.Snapshot(), [SimCounter.Overloaded, SimCounter.TokenFetches], 3, "callsByOperation");

        Assert.Equal(
            ["totalCalls", "peakCallsPerSecond", "peakConcurrency", "inFlight", "overloaded", "tokenFetches", "sessions", "callsByOperation"],
            report.Select(p => p.Key).ToArray());
        Assert.Equal(1, report["overloaded"]!.GetValue<long>());
        Assert.Equal(3, report["sessions"]!.GetValue<int>());
        Assert.Equal(1, report["callsByOperation"]!["POST A_SalesOrder"]!.GetValue<long>());
        Assert.IsType<JsonObject>(report["callsByOperation"]);
    }
}

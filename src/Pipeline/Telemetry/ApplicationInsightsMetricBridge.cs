using System.Diagnostics.Metrics;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Metrics;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>
/// Forwards every measurement of the <see cref="PipelineMetrics"/> meter to Application Insights as pre-aggregated
/// metrics (<c>customMetrics</c>: one row per series and minute with valueSum, valueCount, valueMin, valueMax). The
/// Functions worker already runs the Application Insights SDK (with Entra ID auth), so the meter rides on it instead
/// of a second exporter with its own credentials. Tags become dimensions in the order the measurement gives them.
/// </summary>
public sealed class ApplicationInsightsMetricBridge : IHostedService, IDisposable
{
    /// <summary>Shops per platform can run into the hundreds; the SDK's default of 100 values per dimension is too tight.</summary>
    private static readonly MetricConfiguration SeriesLimits = new(
        seriesCountLimit: 5000,
        valuesPerDimensionLimit: 1000,
        seriesConfig: new MetricSeriesConfigurationForMeasurement(restrictToUInt32Values: false));

    private readonly PipelineMetrics metrics;
    private readonly TelemetryClient client;
    private readonly MeterListener listener = new();

    public ApplicationInsightsMetricBridge(PipelineMetrics metrics, TelemetryClient client)
    {
        this.metrics = metrics;
        this.client = client;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, this.metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Track(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Track(instrument, value, tags));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        listener.Dispose();
        client.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => listener.Dispose();

    private void Track(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = tags[i].Value?.ToString() ?? "";
        }

        var metric = client.GetMetric(new MetricIdentifier(MetricNames.Meter, instrument.Name, names), SeriesLimits);
        if (metric.TryGetDataSeries(out var series, createIfNotExists: true, values))
        {
            series.TrackValue(value);
        }
    }
}

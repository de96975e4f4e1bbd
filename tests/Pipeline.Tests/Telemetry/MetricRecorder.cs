namespace ServerlessSync.Pipeline.Tests.Telemetry;

/// <summary>Listens to one meter instance with a real <see cref="MeterListener"/> and keeps every measurement.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();

    public MetricRecorder(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        listener.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        Measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copy));
    }

    public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, string?> Tags);
}

using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace ServerlessSync.Pipeline.Tests.Telemetry;

/// <summary>The end of the Application Insights SDK pipeline: keeps what would be sent instead of sending it.</summary>
internal sealed class CapturingTelemetryChannel : ITelemetryChannel
{
    public ConcurrentQueue<ITelemetry> Sent { get; } = new();

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = "";

    public void Send(ITelemetry item) => Sent.Enqueue(item);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}

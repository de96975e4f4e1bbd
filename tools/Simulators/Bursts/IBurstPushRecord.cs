namespace ServerlessSync.Simulators.Bursts;

/// <summary>What a burst needs to know of one push it decided on, whatever the platform calls its fields.</summary>
public interface IBurstPushRecord
{
    string OrderId { get; }

    bool IsDuplicate { get; }

    bool Dropped { get; }

    double LatencyMs { get; }

    bool Acked { get; }
}

using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Live counters of a running Kuaishou burst, readable while it plays.</summary>
public sealed class KuaishouBurstProgress : BurstProgress<KuaishouBurstResult>;

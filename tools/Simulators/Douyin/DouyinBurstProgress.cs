using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>Live counters of a running Douyin burst, readable while it plays.</summary>
public sealed class DouyinBurstProgress : BurstProgress<DouyinBurstResult>;

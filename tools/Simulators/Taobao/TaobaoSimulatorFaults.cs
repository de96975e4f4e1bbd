using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>The gateway's limits and injected faults (see <see cref="SimApiFaults"/>).</summary>
public sealed class TaobaoSimulatorFaults(TaobaoSimulatorOptions options, TimeProvider time) : SimApiFaults(options, time);

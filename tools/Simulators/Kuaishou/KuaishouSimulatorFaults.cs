using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>The open API's limits and injected faults (see <see cref="SimApiFaults"/>).</summary>
public sealed class KuaishouSimulatorFaults(KuaishouSimulatorOptions options, TimeProvider time) : SimApiFaults(options, time);

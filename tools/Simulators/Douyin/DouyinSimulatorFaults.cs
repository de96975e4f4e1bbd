using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>The open API's limits and injected faults (see <see cref="SimApiFaults"/>).</summary>
public sealed class DouyinSimulatorFaults(DouyinSimulatorOptions options, TimeProvider time) : SimApiFaults(options, time);

using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>The order API's limits and injected faults (see <see cref="SimApiFaults"/>).</summary>
public sealed class WeChatSimulatorFaults(WeChatSimulatorOptions options, TimeProvider time) : SimApiFaults(options, time);

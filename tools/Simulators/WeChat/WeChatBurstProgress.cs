using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>Live counters of a running WeChat burst, readable while it plays.</summary>
public sealed class WeChatBurstProgress : BurstProgress<WeChatBurstResult>;

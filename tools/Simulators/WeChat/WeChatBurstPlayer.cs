using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>Plays a <see cref="WeChatBurstPlan"/>: encrypted new-order and pay pushes for new orders in the store.</summary>
public sealed class WeChatBurstPlayer(WeChatOrderStore store, WeChatPushSender sender, WeChatSimulatorOptions options, TimeProvider time)
    : BurstPlayer<WeChatBurstPlan, WeChatSimOrder, (WeChatSimOrder Order, string Event), WeChatPushRecord, WeChatBurstResult>(
        new WeChatBurstPlatform(store, sender, options, time));

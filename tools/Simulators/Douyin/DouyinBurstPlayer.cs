using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>Plays a <see cref="DouyinBurstPlan"/>: signed created and paid pushes for new orders in the store.</summary>
public sealed class DouyinBurstPlayer(DouyinOrderStore store, DouyinPushSender sender, DouyinSimulatorOptions options)
    : BurstPlayer<DouyinBurstPlan, DouyinSimOrder, DouyinPush, DouyinPushRecord, DouyinBurstResult>(
        new DouyinBurstPlatform(store, sender, options));

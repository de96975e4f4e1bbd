using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Plays a <see cref="KuaishouBurstPlan"/>: encrypted addOrder and paySuccess pushes for new orders in the store.</summary>
public sealed class KuaishouBurstPlayer(KuaishouOrderStore store, KuaishouPushSender sender, KuaishouSimulatorOptions options)
    : BurstPlayer<KuaishouBurstPlan, KuaishouSimOrder, KuaishouPush, KuaishouPushRecord, KuaishouBurstResult>(
        new KuaishouBurstPlatform(store, sender, options));

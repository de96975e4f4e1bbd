using Microsoft.Extensions.Hosting;
using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Kuaishou bursts started through the admin API.</summary>
public sealed class KuaishouBurstRegistry(Func<KuaishouBurstPlayer> playerFactory, IHostApplicationLifetime lifetime)
    : BurstRegistry<KuaishouBurstPlan, KuaishouBurstResult, KuaishouBurstProgress>(
        (plan, cancellationToken, progress) => playerFactory().PlayAsync(plan, cancellationToken, progress), lifetime);

using Microsoft.Extensions.Hosting;
using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>Douyin bursts started through the admin API.</summary>
public sealed class DouyinBurstRegistry(Func<DouyinBurstPlayer> playerFactory, IHostApplicationLifetime lifetime)
    : BurstRegistry<DouyinBurstPlan, DouyinBurstResult, DouyinBurstProgress>(
        (plan, cancellationToken, progress) => playerFactory().PlayAsync(plan, cancellationToken, progress), lifetime);

using Microsoft.Extensions.Hosting;
using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>WeChat bursts started through the admin API.</summary>
public sealed class WeChatBurstRegistry(Func<WeChatBurstPlayer> playerFactory, IHostApplicationLifetime lifetime)
    : BurstRegistry<WeChatBurstPlan, WeChatBurstResult, WeChatBurstProgress>(
        (plan, cancellationToken, progress) => playerFactory().PlayAsync(plan, cancellationToken, progress), lifetime);

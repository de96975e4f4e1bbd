using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>Douyin's part of a burst: each push is built (and its msg_id taken) when the burst is scripted.</summary>
internal sealed class DouyinBurstPlatform(DouyinOrderStore store, DouyinPushSender sender, DouyinSimulatorOptions options)
    : IBurstPlatform<DouyinBurstPlan, DouyinSimOrder, DouyinPush, DouyinPushRecord>
{
    public IReadOnlyList<DouyinSimOrder> CreateOrders(DouyinBurstPlan plan, Random random) => store.CreateOrders(plan.Orders, plan.ShopId, random);

    public string OrderId(DouyinSimOrder order) => order.OrderId;

    public IReadOnlyList<DouyinPush> Pushes(DouyinSimOrder order) =>
    [
        DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, DouyinSimPushTags.TradeCreated, store.Ids.Next()),
        DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, DouyinSimPushTags.TradePaid, store.Ids.Next()),
    ];

    public DouyinPushRecord Dropped(DouyinPush push) => new(push.OrderId, push.Tag, push.MsgId, false, true, 0, 0, false, null);

    public async Task<DouyinPushRecord> SendAsync(Uri webhook, DouyinPush push, bool isDuplicate, CancellationToken cancellationToken)
    {
        var delivery = await sender.SendAsync(webhook, push, cancellationToken);
        return new(push.OrderId, push.Tag, push.MsgId, isDuplicate, false, delivery.StatusCode, delivery.LatencyMs, delivery.Acked, delivery.Error);
    }
}

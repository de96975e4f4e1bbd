using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Kuaishou's part of a burst: each push is encrypted (and its msgId and eventId taken) when the burst is scripted.</summary>
internal sealed class KuaishouBurstPlatform(KuaishouOrderStore store, KuaishouPushSender sender, KuaishouSimulatorOptions options)
    : IBurstPlatform<KuaishouBurstPlan, KuaishouSimOrder, KuaishouPush, KuaishouPushRecord>
{
    public IReadOnlyList<KuaishouSimOrder> CreateOrders(KuaishouBurstPlan plan, Random random) => store.CreateOrders(plan.Orders, plan.ShopId, random);

    public string OrderId(KuaishouSimOrder order) => order.Oid;

    public IReadOnlyList<KuaishouPush> Pushes(KuaishouSimOrder order) =>
    [
        KuaishouPushBuilder.Build(options, order, KuaishouSimPushEvents.OrderAdded, store.Ids.Next(), store.Ids.Next()),
        KuaishouPushBuilder.Build(options, order, KuaishouSimPushEvents.OrderPaid, store.Ids.Next(), store.Ids.Next()),
    ];

    public KuaishouPushRecord Dropped(KuaishouPush push) => new(push.OrderId, push.Event, push.MsgId, false, true, 0, 0, false, null);

    public async Task<KuaishouPushRecord> SendAsync(Uri webhook, KuaishouPush push, bool isDuplicate, CancellationToken cancellationToken)
    {
        var delivery = await sender.SendAsync(webhook, push, cancellationToken);
        return new(push.OrderId, push.Event, push.MsgId, isDuplicate, false, delivery.StatusCode, delivery.LatencyMs, delivery.Acked, delivery.Error);
    }
}

using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// WeChat's part of a burst: the script names an order's events, and each push is encrypted and signed only when it is
/// sent, so its timestamp is fresh however long the burst runs.
/// </summary>
internal sealed class WeChatBurstPlatform(WeChatOrderStore store, WeChatPushSender sender, WeChatSimulatorOptions options, TimeProvider time)
    : IBurstPlatform<WeChatBurstPlan, WeChatSimOrder, (WeChatSimOrder Order, string Event), WeChatPushRecord>
{
    public IReadOnlyList<WeChatSimOrder> CreateOrders(WeChatBurstPlan plan, Random random) => store.CreateOrders(plan.Orders, random);

    public string OrderId(WeChatSimOrder order) => order.OrderId;

    public IReadOnlyList<(WeChatSimOrder Order, string Event)> Pushes(WeChatSimOrder order) =>
        [(order, WeChatSimPushEvents.OrderNew), (order, WeChatSimPushEvents.OrderPay)];

    // Sealed all the same: the record carries the msg key the receiver would derive.
    public WeChatPushRecord Dropped((WeChatSimOrder Order, string Event) planned)
    {
        var push = Seal(planned);
        return new(push.OrderId, push.Event, push.MsgKey, false, true, 0, 0, false, null);
    }

    public async Task<WeChatPushRecord> SendAsync(Uri webhook, (WeChatSimOrder Order, string Event) planned, bool isDuplicate, CancellationToken cancellationToken)
    {
        var push = Seal(planned);
        var delivery = await sender.SendAsync(webhook, push, cancellationToken);
        return new(push.OrderId, push.Event, push.MsgKey, isDuplicate, false, delivery.StatusCode, delivery.LatencyMs, delivery.Acked, delivery.Error);
    }

    private WeChatPush Seal((WeChatSimOrder Order, string Event) planned) => WeChatPushBuilder.Build(options, planned.Order, planned.Event, time.GetUtcNow());
}

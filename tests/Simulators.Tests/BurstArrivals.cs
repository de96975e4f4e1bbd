namespace ServerlessSync.Simulators.Tests;

/// <summary>What a webhook received from one burst, checked against what the burst decided.</summary>
internal static class BurstArrivals
{
    /// <summary>
    /// No dropped push arrives, every duplicate arrives twice byte for byte, and an order whose two pushes both arrived
    /// got them in the order the burst chose (paid first for an out-of-order one).
    /// </summary>
    public static void AssertArrivedAsDecided<TRecord>(
        BurstResult<TRecord> burst, IReadOnlyList<(long Sequence, InboundMessage Message, byte[] Body)> arrivals, Func<TRecord, string> msgId)
        where TRecord : class, IBurstPushRecord
    {
        var run = arrivals.Where(a => burst.OrderIds.Contains(a.Message.Event.OrderId)).ToList();
        foreach (var dropped in burst.Pushes.Where(p => p.Dropped))
        {
            Assert.DoesNotContain(run, a => a.Message.Event.MsgId == msgId(dropped));
        }

        foreach (var duplicate in burst.Pushes.Where(p => p.IsDuplicate))
        {
            var copies = run.Where(a => a.Message.Event.MsgId == msgId(duplicate)).ToList();
            Assert.Equal(2, copies.Count);
            Assert.Equal(copies[0].Body, copies[1].Body);
        }

        foreach (var orderId in burst.OrderIds)
        {
            var order = run.Where(a => a.Message.Event.OrderId == orderId).Select(a => a.Message.Event.Event).Distinct().ToList();
            if (order.Count == 2)
            {
                var expected = burst.OutOfOrderIds.Contains(orderId) ? new[] { "trade.paid", "trade.created" } : ["trade.created", "trade.paid"];
                Assert.Equal(expected, order);
            }
        }
    }
}

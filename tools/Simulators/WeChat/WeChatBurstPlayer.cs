using System.Collections.Concurrent;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Plays a <see cref="WeChatBurstPlan"/>: creates the orders in the store, then delivers their encrypted pushes to the
/// webhook at the planned rate with bounded concurrency. An order's pushes go out one after another, so "out of order"
/// really arrives out of order. Drop/duplicate/order decisions are drawn before the first push, from the plan's seed;
/// each push is encrypted and signed when it is sent, so its timestamp is fresh however long the burst runs.
/// </summary>
public sealed class WeChatBurstPlayer(WeChatOrderStore store, WeChatPushSender sender, WeChatSimulatorOptions options, TimeProvider time)
{
    private sealed record Step(WeChatSimOrder Order, string Event, bool IsDuplicate, bool Dropped);

    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public async Task<WeChatBurstResult> PlayAsync(WeChatBurstPlan plan, CancellationToken cancellationToken, WeChatBurstProgress? progress = null)
    {
        var webhook = plan.Validate();
        var decisions = plan.Seed is { } seed ? new Random(seed) : new Random();
        var orders = store.CreateOrders(plan.Orders, new Random(decisions.Next()));
        var orderIds = orders.Select(o => o.OrderId).ToList();
        progress?.OrdersCreated(orderIds);

        var outOfOrder = new List<string>();
        var scripts = orders.Select(order => Script(order, plan, decisions, outOfOrder)).ToList();

        var records = new ConcurrentQueue<WeChatPushRecord>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(plan.EffectiveTimeout);
        using var slots = new SemaphoreSlim(plan.MaxConcurrency);
        var running = new List<Task>(scripts.Count);
        var started = TimeProvider.System.GetTimestamp();
        var timedOut = false;
        try
        {
            for (var i = 0; i < scripts.Count; i++)
            {
                var due = TimeSpan.FromSeconds(i / plan.RatePerSecond) - TimeProvider.System.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, timeout.Token);
                }

                await slots.WaitAsync(timeout.Token);
                running.Add(DeliverAsync(webhook, scripts[i], records, progress, slots, timeout.Token));
            }

            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        var result = new WeChatBurstResult
        {
            OrderIds = orderIds,
            Pushes = records.ToList(),
            OutOfOrderIds = outOfOrder,
            TimedOut = timedOut,
        };
        progress?.Finish(result, timedOut ? "burst timed out" : null);
        return result;
    }

    private static List<Step> Script(WeChatSimOrder order, WeChatBurstPlan plan, Random decisions, List<string> outOfOrder)
    {
        string[] events = [WeChatPushEvents.OrderNew, WeChatPushEvents.OrderPay];
        if (decisions.NextDouble() < plan.OutOfOrderRate)
        {
            events = [WeChatPushEvents.OrderPay, WeChatPushEvents.OrderNew];
            outOfOrder.Add(order.OrderId);
        }

        var steps = new List<Step>();
        foreach (var eventName in events)
        {
            // Both draws happen for every push so one rate never shifts the decisions made for the others.
            var drop = decisions.NextDouble() < plan.DropRate;
            var duplicate = decisions.NextDouble() < plan.DuplicateRate;
            steps.Add(new Step(order, eventName, false, drop));
            if (duplicate && !drop)
            {
                steps.Add(new Step(order, eventName, true, false));
            }
        }

        return steps;
    }

    private async Task DeliverAsync(
        Uri webhook, List<Step> steps, ConcurrentQueue<WeChatPushRecord> records, WeChatBurstProgress? progress,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                var push = WeChatPushBuilder.Build(options, step.Order, step.Event, time.GetUtcNow());
                WeChatPushRecord record;
                if (step.Dropped)
                {
                    record = new WeChatPushRecord(push.OrderId, push.Event, push.MsgKey, false, true, 0, 0, false, null);
                }
                else
                {
                    var delivery = await sender.SendAsync(webhook, push, cancellationToken);
                    record = new WeChatPushRecord(
                        push.OrderId, push.Event, push.MsgKey, step.IsDuplicate, false,
                        delivery.StatusCode, delivery.LatencyMs, delivery.Acked, delivery.Error);
                }

                records.Enqueue(record);
                progress?.Record(record);
            }
        }
        finally
        {
            slots.Release();
        }
    }
}

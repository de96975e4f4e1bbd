using System.Collections.Concurrent;
using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Plays a <see cref="KuaishouBurstPlan"/>: creates the orders in the store, then delivers their encrypted pushes to the
/// webhook at the planned rate with bounded concurrency. An order's pushes go out one after another, so "out of order"
/// really arrives out of order. All drop/duplicate/order decisions are drawn before the first push, from the plan's seed.
/// </summary>
public sealed class KuaishouBurstPlayer(KuaishouOrderStore store, KuaishouPushSender sender, KuaishouSimulatorOptions options)
{
    private sealed record Step(KuaishouPush Push, bool IsDuplicate, bool Dropped);

    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public async Task<KuaishouBurstResult> PlayAsync(KuaishouBurstPlan plan, CancellationToken cancellationToken, KuaishouBurstProgress? progress = null)
    {
        var webhook = plan.Validate();
        var decisions = plan.Seed is { } seed ? new Random(seed) : new Random();
        var orders = store.CreateOrders(plan.Orders, plan.ShopId, new Random(decisions.Next()));
        var orderIds = orders.Select(o => o.Oid).ToList();
        progress?.OrdersCreated(orderIds);

        var outOfOrder = new List<string>();
        var scripts = orders.Select(order => Script(order, plan, decisions, outOfOrder)).ToList();

        var records = new ConcurrentQueue<KuaishouPushRecord>();
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

        var result = new KuaishouBurstResult
        {
            OrderIds = orderIds,
            Pushes = records.ToList(),
            OutOfOrderIds = outOfOrder,
            TimedOut = timedOut,
        };
        progress?.Finish(result, timedOut ? "burst timed out" : null);
        return result;
    }

    private List<Step> Script(KuaishouSimOrder order, KuaishouBurstPlan plan, Random decisions, List<string> outOfOrder)
    {
        var added = KuaishouPushBuilder.Build(options, order, KuaishouPushEvents.OrderAdded, store.Ids.Next(), store.Ids.Next());
        var paid = KuaishouPushBuilder.Build(options, order, KuaishouPushEvents.OrderPaid, store.Ids.Next(), store.Ids.Next());
        var pushes = new[] { added, paid };
        if (decisions.NextDouble() < plan.OutOfOrderRate)
        {
            pushes = [paid, added];
            outOfOrder.Add(order.Oid);
        }

        var steps = new List<Step>();
        foreach (var push in pushes)
        {
            // Both draws happen for every push so one rate never shifts the decisions made for the others.
            var drop = decisions.NextDouble() < plan.DropRate;
            var duplicate = decisions.NextDouble() < plan.DuplicateRate;
            steps.Add(new Step(push, false, drop));
            if (duplicate && !drop)
            {
                steps.Add(new Step(push, true, false));
            }
        }

        return steps;
    }

    private async Task DeliverAsync(
        Uri webhook, List<Step> steps, ConcurrentQueue<KuaishouPushRecord> records, KuaishouBurstProgress? progress,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                var push = step.Push;
                KuaishouPushRecord record;
                if (step.Dropped)
                {
                    record = new KuaishouPushRecord(push.OrderId, push.Event, push.MsgId, false, true, 0, 0, false, null);
                }
                else
                {
                    var delivery = await sender.SendAsync(webhook, push, cancellationToken);
                    record = new KuaishouPushRecord(
                        push.OrderId, push.Event, push.MsgId, step.IsDuplicate, false,
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

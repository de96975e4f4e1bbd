using System.Collections.Concurrent;
using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Plays a <see cref="DouyinBurstPlan"/>: creates the orders in the store, then delivers their signed pushes to the webhook
/// at the planned rate with bounded concurrency. An order's pushes go out one after another, so "out of order" really
/// arrives out of order. All drop/duplicate/order decisions are drawn before the first push, from the plan's seed.
/// </summary>
public sealed class DouyinBurstPlayer(DouyinOrderStore store, DouyinPushSender sender, DouyinSimulatorOptions options)
{
    private sealed record Step(DouyinPush Push, bool IsDuplicate, bool Dropped);

    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public async Task<DouyinBurstResult> PlayAsync(DouyinBurstPlan plan, CancellationToken cancellationToken, DouyinBurstProgress? progress = null)
    {
        var webhook = plan.Validate();
        var decisions = plan.Seed is { } seed ? new Random(seed) : new Random();
        var orders = store.CreateOrders(plan.Orders, plan.ShopId, new Random(decisions.Next()));
        var orderIds = orders.Select(o => o.OrderId).ToList();
        progress?.OrdersCreated(orderIds);

        var outOfOrder = new List<string>();
        var scripts = orders.Select(order => Script(order, plan, decisions, outOfOrder)).ToList();

        var records = new ConcurrentQueue<DouyinPushRecord>();
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

        var result = new DouyinBurstResult
        {
            OrderIds = orderIds,
            Pushes = records.ToList(),
            OutOfOrderIds = outOfOrder,
            TimedOut = timedOut,
        };
        progress?.Finish(result, timedOut ? "burst timed out" : null);
        return result;
    }

    private List<Step> Script(DouyinSimOrder order, DouyinBurstPlan plan, Random decisions, List<string> outOfOrder)
    {
        var created = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, DouyinPushTags.TradeCreated, store.Ids.Next());
        var paid = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, DouyinPushTags.TradePaid, store.Ids.Next());
        var pushes = new[] { created, paid };
        if (decisions.NextDouble() < plan.OutOfOrderRate)
        {
            pushes = [paid, created];
            outOfOrder.Add(order.OrderId);
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
        Uri webhook, List<Step> steps, ConcurrentQueue<DouyinPushRecord> records, DouyinBurstProgress? progress,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                var push = step.Push;
                DouyinPushRecord record;
                if (step.Dropped)
                {
                    record = new DouyinPushRecord(push.OrderId, push.Tag, push.MsgId, false, true, 0, 0, false, null);
                }
                else
                {
                    var delivery = await sender.SendAsync(webhook, push, cancellationToken);
                    record = new DouyinPushRecord(
                        push.OrderId, push.Tag, push.MsgId, step.IsDuplicate, false,
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

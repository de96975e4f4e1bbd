using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Bursts;

/// <summary>
/// Plays a burst plan: has the platform create the orders, then delivers their pushes to the webhook at the planned
/// rate with bounded concurrency. An order's pushes go out one after another, so "out of order" really arrives out of
/// order. All drop/duplicate/order decisions are drawn before the first push, from the plan's seed.
/// </summary>
public class BurstPlayer<TPlan, TOrder, TPush, TRecord, TResult>(IBurstPlatform<TPlan, TOrder, TPush, TRecord> platform)
    where TPlan : BurstPlan
    where TRecord : class, IBurstPushRecord
    where TResult : BurstResult<TRecord>, new()
{
    private sealed record Step(TPush Push, bool IsDuplicate, bool Dropped);

    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public async Task<TResult> PlayAsync(TPlan plan, CancellationToken cancellationToken, BurstProgress<TResult>? progress = null)
    {
        var webhook = plan.Validate();
        var decisions = plan.Seed is { } seed ? new Random(seed) : new Random();
        var orders = platform.CreateOrders(plan, new Random(decisions.Next()));
        var orderIds = orders.Select(platform.OrderId).ToList();
        progress?.OrdersCreated(orderIds);

        var outOfOrder = new List<string>();
        var scripts = orders.Select(order => Script(order, plan, decisions, outOfOrder)).ToList();

        var records = new ConcurrentQueue<TRecord>();
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

        var result = new TResult
        {
            OrderIds = orderIds,
            Pushes = records.ToList(),
            OutOfOrderIds = outOfOrder,
            TimedOut = timedOut,
        };
        progress?.Finish(result, timedOut ? "burst timed out" : null);
        return result;
    }

    private List<Step> Script(TOrder order, TPlan plan, Random decisions, List<string> outOfOrder)
    {
        IEnumerable<TPush> pushes = platform.Pushes(order);
        if (decisions.NextDouble() < plan.OutOfOrderRate)
        {
            pushes = pushes.Reverse();
            outOfOrder.Add(platform.OrderId(order));
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
        Uri webhook, List<Step> steps, ConcurrentQueue<TRecord> records, BurstProgress<TResult>? progress,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var step in steps)
            {
                var record = step.Dropped
                    ? platform.Dropped(step.Push)
                    : await platform.SendAsync(webhook, step.Push, step.IsDuplicate, cancellationToken);
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

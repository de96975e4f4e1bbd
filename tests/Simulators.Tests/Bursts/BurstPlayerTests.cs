namespace ServerlessSync.Simulators.Tests.Bursts;

public sealed class BurstPlayerTests
{
    [Fact]
    public async Task Concurrent_sends_reach_but_never_exceed_MaxConcurrency()
    {
        var platform = new TestBurstPlatform { SendTime = TimeSpan.FromMilliseconds(20) };

        var result = await platform.Player().PlayAsync(
            new TestPlan { Orders = 40, RatePerSecond = 10_000, MaxConcurrency = 4 }, CancellationToken.None);

        Assert.Equal(4, platform.MaxInFlight);
        Assert.Equal((40, 80, 80), (result.Created, result.Sent, platform.Sends.Count));
    }

    [Fact]
    public async Task Orders_start_at_the_planned_rate()
    {
        var platform = new TestBurstPlatform { PushesPerOrder = 1 };
        var stopwatch = Stopwatch.StartNew();

        await platform.Player().PlayAsync(new TestPlan { Orders = 11, RatePerSecond = 20 }, CancellationToken.None);

        // Order i is due i / 20 s after the start. Task.Delay rounds down to whole milliseconds and its timer ticks in
        // milliseconds, so an order may start a few milliseconds early.
        var early = TimeSpan.FromMilliseconds(5);
        var starts = platform.Sends.ToDictionary(s => s.Push.OrderId, s => s.At);
        for (var i = 0; i < 11; i++)
        {
            Assert.True(starts[$"order-{i}"] >= TimeSpan.FromMilliseconds(i * 50) - early, $"order {i} started at {starts[$"order-{i}"]}");
        }

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(500) - early, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task An_orders_pushes_go_out_one_after_another_in_order_or_reversed_with_each_duplicate_right_after_its_original()
    {
        var platform = new TestBurstPlatform { PushesPerOrder = 4, SendTime = TimeSpan.FromMilliseconds(3) };

        var result = await platform.Player().PlayAsync(
            new TestPlan { Orders = 30, RatePerSecond = 10_000, MaxConcurrency = 8, OutOfOrderRate = 0.5, DuplicateRate = 0.3, Seed = 5 },
            CancellationToken.None);

        Assert.Equal(0, platform.OverlapsWithinAnOrder);
        Assert.InRange(result.OutOfOrderIds.Count, 5, 25);
        Assert.InRange(result.Duplicates, 10, 60);
        foreach (var orderId in result.OrderIds)
        {
            var sends = platform.Sends.Where(s => s.Push.OrderId == orderId).ToList();
            var originals = sends.Where(s => !s.IsDuplicate).Select(s => s.Push.Index);
            int[] expected = result.OutOfOrderIds.Contains(orderId) ? [3, 2, 1, 0] : [0, 1, 2, 3];
            Assert.Equal(expected, originals);
            for (var i = 0; i < sends.Count; i++)
            {
                if (sends[i].IsDuplicate)
                {
                    Assert.Equal((sends[i - 1].Push, false), (sends[i].Push, sends[i - 1].IsDuplicate));
                }
            }
        }
    }

    [Fact]
    public async Task A_seed_reproduces_every_decision_and_the_random_given_to_order_creation()
    {
        var plan = new TestPlan { Orders = 50, RatePerSecond = 10_000, DuplicateRate = 0.3, OutOfOrderRate = 0.3, DropRate = 0.2, Seed = 42 };
        var (firstPlatform, secondPlatform, otherPlatform) = (new TestBurstPlatform(), new TestBurstPlatform(), new TestBurstPlatform());

        var first = await firstPlatform.Player().PlayAsync(plan, CancellationToken.None);
        var second = await secondPlatform.Player().PlayAsync(plan, CancellationToken.None);
        var other = await otherPlatform.Player().PlayAsync(plan with { Seed = 43 }, CancellationToken.None);

        Assert.Equal(Decisions(first), Decisions(second));
        Assert.Equal(first.OutOfOrderIds, second.OutOfOrderIds);
        Assert.Equal(firstPlatform.OrderRandomDraw, secondPlatform.OrderRandomDraw);
        Assert.NotEqual(Decisions(first), Decisions(other));
        Assert.NotEqual(firstPlatform.OrderRandomDraw, otherPlatform.OrderRandomDraw);
    }

    [Fact]
    public async Task Drops_duplicates_and_failures_are_counted_alike_in_the_result_and_the_progress()
    {
        var platform = new TestBurstPlatform { Acks = push => push.Index == 0 };
        var progress = new BurstProgress<TestResult>();

        var result = await platform.Player().PlayAsync(
            new TestPlan { Orders = 60, RatePerSecond = 10_000, DuplicateRate = 0.4, DropRate = 0.25, Seed = 3 }, CancellationToken.None, progress);

        var dropped = result.Pushes.Where(p => p.Dropped).ToList();
        Assert.InRange(dropped.Count, 15, 45);
        Assert.Equal(120, result.Pushes.Count(p => !p.IsDuplicate));
        Assert.All(dropped, d => Assert.DoesNotContain(platform.Sends, s => s.Push == new TestPush(d.OrderId, d.Index)));
        Assert.Equal(platform.Sends.Count, result.Sent);
        Assert.Equal(platform.Sends.Count(s => s.IsDuplicate), result.Duplicates);
        Assert.Equal(platform.Sends.Count(s => s.Push.Index == 1), result.Failed);
        Assert.Equal(result.Sent, result.Acked + result.Failed);
        Assert.Equal(
            (result.Created, result.Sent, result.Acked, result.Failed, result.Dropped),
            (progress.Created, progress.Sent, progress.Acked, progress.Failed, progress.Dropped));
        Assert.True(progress.Done);
        Assert.Null(progress.Error);
        Assert.Same(result, progress.Result);
        Assert.Equal(result.OrderIds, progress.OrderIds);
    }

    [Theory]
    [InlineData(1.0, 0.0, 0, 0, 20)]
    [InlineData(0.0, 1.0, 40, 20, 0)]
    public async Task A_rate_of_one_applies_to_every_push(double dropRate, double duplicateRate, int sent, int duplicates, int droppedCount)
    {
        var platform = new TestBurstPlatform();

        var result = await platform.Player().PlayAsync(
            new TestPlan { Orders = 10, RatePerSecond = 10_000, DropRate = dropRate, DuplicateRate = duplicateRate }, CancellationToken.None);

        Assert.Equal((sent, duplicates, droppedCount), (result.Sent, result.Duplicates, result.Dropped));
        Assert.Equal(sent, platform.Sends.Count);
    }

    [Fact]
    public async Task A_burst_past_its_timeout_stops_and_says_so()
    {
        var platform = new TestBurstPlatform { SendTime = TimeSpan.FromSeconds(30) };
        var progress = new BurstProgress<TestResult>();
        var stopwatch = Stopwatch.StartNew();

        var result = await platform.Player().PlayAsync(
            new TestPlan { Orders = 3, RatePerSecond = 10_000, Timeout = TimeSpan.FromMilliseconds(200) }, CancellationToken.None, progress);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.True(result.TimedOut);
        Assert.Empty(result.Pushes);
        Assert.Equal(3, platform.Sends.Count);
        Assert.Equal((true, "burst timed out"), (progress.Done, progress.Error));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_thrown_not_reported_as_a_timeout()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var platform = new TestBurstPlatform { SendTime = TimeSpan.FromSeconds(30) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            platform.Player().PlayAsync(new TestPlan { Orders = 2, RatePerSecond = 10_000 }, cancel.Token));
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_before_any_order_is_created()
    {
        var platform = new TestBurstPlatform();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            platform.Player().PlayAsync(new TestPlan { Orders = 5, WebhookUrl = "nowhere" }, CancellationToken.None));

        Assert.Null(platform.OrderRandomDraw);
    }

    private static List<(string OrderId, int Index, bool Duplicate, bool Dropped)> Decisions(TestResult result) =>
        result.Pushes
            .Select(p => (p.OrderId, p.Index, p.IsDuplicate, p.Dropped))
            .OrderBy(d => d.OrderId, StringComparer.Ordinal).ThenBy(d => d.Index).ThenBy(d => d.IsDuplicate)
            .ToList();
}

namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

public sealed class ErpWriteBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(30);

    internal static ErpSalesOrder Order(string externalOrderNo) => new()
    {
        ExternalOrderNo = externalOrderNo,
        Platform = "douyin",
        ShopId = "100200300",
        CustomerNumber = "CUST-DOUYIN-01",
        SalesOrgNumber = "100",
        OrderDate = DateTimeOffset.UnixEpoch,
        TotalAmountFen = 100,
        Lines = [new ErpSalesOrderLine { MaterialNumber = "MAT-LIP-01", UnitNumber = "Pcs", Quantity = 1, AmountFen = 100, IsGift = false, WarehouseNumber = "CK001" }],
    };

    internal static ErpWriteBatcher Batcher(InMemoryErp erp, TimeProvider time, int concurrency = 4, int windowMs = 30, ErpGovernor? governor = null, int horizonSeconds = 120) => new(
        erp,
        governor ?? new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 10_000, MaxConcurrency = concurrency }),
        ErpTestStorage.Markers(),
        Options.Create(new ErpBatchingOptions { BatchWindowMs = windowMs, BatchMaxWaitMs = 200 }),
        ErpTestStorage.Commit(horizonSeconds),
        time,
        NullLogger<ErpWriteBatcher>.Instance);

    [Fact]
    public async Task Writes_within_the_window_share_one_look_up_and_one_batch_create_and_each_caller_gets_its_own_number()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time);

        var writes = new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();
        Assert.Empty(erp.Calls);
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        time.Advance(Window);
        var outcomes = await Task.WhenAll(writes);

        Assert.Equal(["findMany", "createMany"], erp.Calls);
        Assert.Equal(["A", "B", "C"], erp.Creates.Single());
        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal([erp.Orders["A"].Number, erp.Orders["B"].Number, erp.Orders["C"].Number], outcomes.Select(o => o.ErpOrderNumber));
        Assert.Equal(3, outcomes.Select(o => o.ErpOrderNumber).Distinct().Count());
    }

    [Fact]
    public async Task After_an_answer_that_cannot_be_matched_to_its_documents_each_of_them_is_written_alone()
    {
        var erp = new InMemoryErp(maxBatchSize: 3) { CreateIsIdempotent = true };
        erp.Garble.Add("B");
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time);
        var first = new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();
        foreach (var write in first)
        {
            await Assert.ThrowsAsync<ErpProtocolException>(() => write);
        }

        var again = new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();
        time.Advance(Window);

        await Assert.ThrowsAsync<ErpProtocolException>(() => again[1]);
        Assert.Equal(ErpWriteResult.Created, (await again[0]).Result);
        Assert.Equal(ErpWriteResult.Created, (await again[2]).Result);
        Assert.Equal(["A", "B", "C"], erp.Creates.First());
        Assert.Equal(["A", "B", "C"], erp.Creates.Skip(1).Select(c => Assert.Single(c)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_full_batch_goes_at_once_without_waiting_for_the_window()
    {
        var erp = new InMemoryErp(maxBatchSize: 3);
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var outcomes = await Task.WhenAll(new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(["A", "B", "C"], erp.Lookups.Single());
    }

    [Fact]
    public async Task Orders_found_by_the_look_up_are_completed_and_only_the_rest_are_created()
    {
        var erp = new InMemoryErp(maxBatchSize: 3);
        erp.AddHalfDone("B");
        var before = erp.Orders["B"].Number;
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var outcomes = await Task.WhenAll(new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.Equal([ErpWriteResult.Created, ErpWriteResult.AlreadyExists, ErpWriteResult.Created], outcomes.Select(o => o.Result));
        Assert.Equal(before, outcomes[1].ErpOrderNumber);
        Assert.Equal("C", erp.Orders["B"].DocumentStatus);
        Assert.Equal(["A", "C"], erp.Creates.Single());
    }

    [Fact]
    public async Task A_business_refusal_rejects_only_that_order()
    {
        var erp = new InMemoryErp(maxBatchSize: 3);
        erp.Refuse.Add("B");
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var outcomes = await Task.WhenAll(new[] { "A", "B", "C" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.Equal([ErpWriteResult.Created, ErpWriteResult.Rejected, ErpWriteResult.Created], outcomes.Select(o => o.Result));
        Assert.Contains("credit limit", outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["A", "C"], erp.Orders.Keys.Order());
    }

    [Fact]
    public async Task A_lost_batch_answer_makes_every_order_transient_and_the_retry_finds_them_all_without_a_second_create()
    {
        var erp = new InMemoryErp(maxBatchSize: 3);
        erp.FailNextCreateAfterCommit(() => new ErpTransientException("Kingdee BatchSave timed out."));
        using var batcher = Batcher(erp, new ManualTimeProvider());
        string[] numbers = ["A", "B", "C"];

        var first = await Task.WhenAll(numbers.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));
        var retry = await Task.WhenAll(numbers.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.All(first, o => Assert.Equal(ErpWriteResult.Transient, o.Result));
        Assert.All(first, o => Assert.Equal("Kingdee BatchSave timed out.", o.Reason));
        Assert.All(retry, o => Assert.Equal(ErpWriteResult.AlreadyExists, o.Result));
        Assert.Equal(numbers.Select(n => erp.Orders[n].Number), retry.Select(o => o.ErpOrderNumber));
        Assert.Single(erp.Creates);
    }

    [Fact]
    public async Task A_throttled_look_up_makes_every_order_transient_and_creates_nothing()
    {
        var erp = new InMemoryErp(maxBatchSize: 2);
        erp.FailNextLookup(() => new ErpThrottledException("Kingdee ExecuteBillQuery: call limit reached (MsgCode 14)"));
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var outcomes = await Task.WhenAll(new[] { "A", "B" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Transient, o.Result));
        Assert.Empty(erp.Creates);
        Assert.Empty(erp.Orders);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_reaches_the_callers_of_its_batch_and_no_others()
    {
        var erp = new InMemoryErp(maxBatchSize: 2);
        erp.FailNextLookup(() => new ErpProtocolException("Kingdee ExecuteBillQuery answered neither an array nor an object."));
        using var batcher = Batcher(erp, new ManualTimeProvider(), concurrency: 1);

        var firstBatch = new[] { "A", "B" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();
        var secondBatch = new[] { "C", "D" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();

        foreach (var write in firstBatch)
        {
            await Assert.ThrowsAsync<ErpProtocolException>(() => write);
        }

        Assert.All(await Task.WhenAll(secondBatch), o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(["C", "D"], erp.Orders.Keys.Order());
    }

    [Fact]
    public async Task While_a_batch_is_in_flight_later_writes_gather_into_the_next_batch_up_to_the_size()
    {
        var erp = new InMemoryErp(maxBatchSize: 3) { HoldLookups = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = Batcher(erp, new ManualTimeProvider(), concurrency: 1, windowMs: 0);

        var first = batcher.WriteAsync(Order("A"), CancellationToken.None);
        var later = new[] { "B", "C", "D", "E" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)).ToList();
        erp.HoldLookups.SetResult();
        await first;
        await Task.WhenAll(later);

        Assert.Equal([["A"], ["B", "C", "D"], ["E"]], erp.Lookups.Select(l => l.ToArray()));
        Assert.Equal(5, erp.Orders.Count);
    }

    [Fact]
    public async Task Past_its_window_a_batch_keeps_gathering_while_the_erp_has_no_room_and_goes_when_a_call_can_start()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 10_000, MaxConcurrency = 1 });
        using var batcher = Batcher(erp, time, governor: governor);
        var otherCall = await governor.AcquireCallAsync(CancellationToken.None);

        var first = batcher.WriteAsync(Order("A"), CancellationToken.None);
        time.Advance(Window);
        var second = batcher.WriteAsync(Order("B"), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Empty(erp.Calls);
        otherCall.Dispose();
        // The governor paces on the real clock: its next start is allowed 0.1 ms after the other call's.
        Assert.True(SpinWait.SpinUntil(() => governor.HasRoomNow, TimeSpan.FromSeconds(5)));
        time.Advance(ErpRequestBatcher<ErpSalesOrder, ErpWriteOutcome>.RoomPollInterval);
        await Task.WhenAll(first, second);

        Assert.Equal(["A", "B"], erp.Lookups.Single());
    }

    [Fact]
    public async Task A_batch_stops_gathering_after_the_longest_wait_even_when_the_erp_stays_busy()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 10_000, MaxConcurrency = 1 });
        using var batcher = Batcher(erp, time, governor: governor);
        using var otherCall = await governor.AcquireCallAsync(CancellationToken.None);

        var write = batcher.WriteAsync(Order("A"), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Empty(erp.Calls);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(ErpWriteResult.Created, (await write).Result);
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_is_taken_out_of_the_batch_and_its_order_never_sent()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time);
        using var cancel = new CancellationTokenSource();

        var kept = batcher.WriteAsync(Order("A"), CancellationToken.None);
        var cancelled = batcher.WriteAsync(Order("B"), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        time.Advance(Window);

        Assert.Equal(ErpWriteResult.Created, (await kept).Result);
        Assert.Equal(["A"], erp.Lookups.Single());
        Assert.Equal(["A"], erp.Orders.Keys);
    }

    [Fact]
    public async Task The_same_platform_order_twice_in_one_batch_is_written_once_and_both_callers_hear_the_outcome()
    {
        var erp = new InMemoryErp(maxBatchSize: 2);
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var outcomes = await Task.WhenAll(batcher.WriteAsync(Order("A"), CancellationToken.None), batcher.WriteAsync(Order("A"), CancellationToken.None));

        Assert.Equal(["A"], erp.Creates.Single());
        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal(erp.Orders["A"].Number, outcomes[0].ErpOrderNumber);
    }

    [Fact]
    public async Task With_a_batch_size_of_one_each_order_is_looked_up_and_written_on_its_own_without_waiting()
    {
        var erp = new InMemoryErp(maxBatchSize: 1);
        erp.AddHalfDone("B");
        using var batcher = Batcher(erp, new ManualTimeProvider(), windowMs: 1000);

        var outcomes = await Task.WhenAll(new[] { "A", "B" }.Select(n => batcher.WriteAsync(Order(n), CancellationToken.None)));

        Assert.Equal([ErpWriteResult.Created, ErpWriteResult.AlreadyExists], outcomes.Select(o => o.Result));
        Assert.Equal(["complete", "create", "find", "find"], erp.Calls.Order());
        Assert.Empty(erp.Lookups);
        Assert.Empty(erp.Creates);
    }

    [Fact]
    public async Task With_a_batch_size_of_one_a_transient_failure_is_a_transient_outcome_for_that_order_only()
    {
        var erp = new InMemoryErp(maxBatchSize: 1);
        using var batcher = Batcher(erp, new ManualTimeProvider());
        erp.FailNextLookup(() => new ErpTransientException("Kingdee ExecuteBillQuery could not be reached"));

        var failed = await batcher.WriteAsync(Order("A"), CancellationToken.None);
        var next = await batcher.WriteAsync(Order("B"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Transient, failed.Result);
        Assert.Equal("Kingdee ExecuteBillQuery could not be reached", failed.Reason);
        Assert.Equal(ErpWriteResult.Created, next.Result);
        Assert.Equal(["B"], erp.Orders.Keys);
    }

    [Fact]
    public async Task A_stopped_batcher_fails_the_writes_still_waiting_instead_of_leaving_them_waiting()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var batcher = Batcher(erp, new ManualTimeProvider());

        var waiting = batcher.WriteAsync(Order("A"), CancellationToken.None);
        batcher.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.WriteAsync(Order("B"), CancellationToken.None));
        Assert.Empty(erp.Calls);
    }
}

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Scaled out, the worker processes split the ERP's limits so their sum stays within the ERP's cap.</summary>
public sealed class GovernorMembershipTests
{
    private static readonly IConfiguration Kingdee = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Erp:Kind"] = "Kingdee" }).Build();
    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Two worker processes, each with a governor for the ERP's whole limits, joining one membership table on a test clock.</summary>
    private sealed record Workers(StorageClients Storage, ManualClock Clock, ErpGovernor First, ErpGovernor Second) : IAsyncDisposable
    {
        public GovernorMembership A { get; } = Member(First, Storage, Clock);

        public GovernorMembership B { get; } = Member(Second, Storage, Clock);

        public void Deconstruct(out StorageClients storage, out ManualClock clock, out ErpGovernor first, out ErpGovernor second, out GovernorMembership a, out GovernorMembership b) =>
            (storage, clock, first, second, a, b) = (Storage, Clock, First, Second, A, B);

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
        }
    }

    private static async Task<Workers> TwoWorkersAsync() => new(await CoreStorage.CreateAsync(), new ManualClock(T0), Governor(), Governor());

    private static ErpGovernor Governor() => new(new ErpGovernorOptions { MaxCallsPerSecond = 20, MaxConcurrency = 4 });

    [Fact]
    public async Task Two_live_workers_each_take_half_the_calls_per_second_and_concurrency_and_a_dead_one_stops_counting()
    {
        await using var workers = await TwoWorkersAsync();
        var (storage, clock, first, second, a, b) = workers;

        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(2, await b.BeatAsync(CancellationToken.None));
        Assert.Equal(2, await a.BeatAsync(CancellationToken.None));

        Assert.Equal(10, first.CallsPerSecondShare, precision: 3);
        Assert.Equal(2, first.ConcurrencyShare);
        Assert.Equal(10, second.CallsPerSecondShare, precision: 3);

        // The second worker dies: after the expiry the first takes the whole cap again.
        clock.Advance(GovernorMembership.Expiry + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(20, first.CallsPerSecondShare, precision: 3);
        Assert.Equal(4, first.ConcurrencyShare);
    }

    [Fact]
    public async Task A_process_that_never_calls_the_erp_writes_no_heartbeat_and_takes_no_share_of_its_limits()
    {
        await using var workers = await TwoWorkersAsync();
        var (storage, _, _, activityInstance, idle, caller) = workers; // the first is a webhook instance, the second runs activities

        await idle.TickAsync(GovernorMembership.LeaveWhenIdleFor, CancellationToken.None);
        using (await activityInstance.AcquireCallAsync(CancellationToken.None))
        {
        }

        await idle.TickAsync(GovernorMembership.LeaveWhenIdleFor, CancellationToken.None);
        Assert.False(idle.IsMember);
        Assert.True(caller.IsMember);
        Assert.Equal(1, await caller.BeatAsync(CancellationToken.None));
        Assert.Equal(20, activityInstance.CallsPerSecondShare, precision: 3);
        Assert.Equal(4, activityInstance.ConcurrencyShare);
        Assert.Single(await Rows(storage));
    }

    [Fact]
    public async Task The_first_erp_call_waits_for_the_join_so_it_already_runs_at_the_shared_pace()
    {
        await using var workers = await TwoWorkersAsync();
        var (_, _, _, second, a, b) = workers;
        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));

        using (await second.AcquireCallAsync(CancellationToken.None))
        {
            Assert.True(b.IsMember);
            Assert.Equal(2, second.Members);
            Assert.Equal(10, second.CallsPerSecondShare, precision: 3);
        }
    }

    [Fact]
    public async Task An_idle_member_leaves_at_once_the_others_shares_grow_back_and_its_next_call_joins_again()
    {
        await using var workers = await TwoWorkersAsync();
        var (storage, _, first, second, a, b) = workers;
        await a.BeatAsync(CancellationToken.None);
        Assert.Equal(2, await b.BeatAsync(CancellationToken.None));

        await b.TickAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.False(b.IsMember);
        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(20, first.CallsPerSecondShare, precision: 3);

        using (await second.AcquireCallAsync(CancellationToken.None))
        {
            Assert.True(b.IsMember);
        }

        Assert.Equal(2, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(2, (await Rows(storage)).Count);
    }

    [Fact]
    public async Task A_member_that_stops_removes_its_heartbeat()
    {
        var storage = await CoreStorage.CreateAsync();
        await using var governor = Governor();
        var membership = Member(governor, storage, new ManualClock(T0));
        await membership.StartAsync(CancellationToken.None);
        using (await governor.AcquireCallAsync(CancellationToken.None))
        {
        }

        Assert.Single(await Rows(storage));
        await membership.StopAsync(CancellationToken.None);

        Assert.Empty(await Rows(storage));
        Assert.False(membership.IsMember);
    }

    [Fact]
    public async Task A_heartbeat_while_storage_is_gone_keeps_the_share_and_never_escapes_to_stop_the_host()
    {
        await Azurite.EnsureRunningAsync();
        var relay = new TableRelay();
        var storage = Storage($"http://127.0.0.1:{relay.Port}/devstoreaccount1");
        await using var governor = Governor();
        var member = Member(governor, storage, TimeProvider.System);
        using (await governor.AcquireCallAsync(CancellationToken.None))
        {
            Assert.True(member.IsMember);
        }

        relay.Dispose(); // storage gone: pooled connections closed, new ones refused; the SDK gives up with an AggregateException
        await member.TickOrKeepShareAsync(CancellationToken.None);

        Assert.True(member.IsMember);
        Assert.Equal(20, governor.CallsPerSecondShare, precision: 3);
    }

    [Fact]
    public async Task A_first_erp_call_while_storage_is_unreachable_fails_transiently_so_it_is_retried()
    {
        var unreachable = Storage("http://127.0.0.1:1/devstoreaccount1");
        await using var governor = Governor();
        var member = Member(governor, unreachable, TimeProvider.System);

        await Assert.ThrowsAsync<ErpTransientException>(async () => (await governor.AcquireCallAsync(CancellationToken.None)).Dispose());

        Assert.False(member.IsMember);
    }

    /// <summary>Azurite's well-known development account with its table endpoint at <paramref name="tableEndpoint"/>.</summary>
    private static StorageClients Storage(string tableEndpoint) => new(Options.Create(new StorageOptions
    {
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"TableEndpoint={tableEndpoint};QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;",
        TablePrefix = Azurite.UniqueName("t"),
        IntakeQueueName = Azurite.UniqueName("q"),
    }));

    private static GovernorMembership Member(ErpGovernor governor, StorageClients storage, TimeProvider clock) =>
        new(governor, storage, Kingdee, clock, NullLogger<GovernorMembership>.Instance);

    private static async Task<List<Azure.Data.Tables.TableEntity>> Rows(StorageClients storage)
    {
        var table = await storage.TableAsync(GovernorMembership.TableName);
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task A_shared_governor_never_lets_more_calls_in_flight_than_its_share()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 1000, MaxConcurrency = 4 });
        governor.ShareWith(2);
        var inFlight = 0;
        var peak = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var slot = await governor.AcquireCallAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
        }));

        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

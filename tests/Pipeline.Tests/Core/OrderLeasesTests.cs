namespace ServerlessSync.Pipeline.Tests.Core;

public sealed class OrderLeasesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 11, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static List<OrderKey> Orders(int count, string shop = "shop-1") =>
        Enumerable.Range(1, count).Select(i => new OrderKey("douyin", shop, $"69200000000000{i:000}")).ToList();

    [Fact]
    public async Task A_run_takes_free_orders_and_an_order_another_run_holds_is_reported_busy_with_its_holder()
    {
        var clock = new ManualClock(T0);
        var leases = new OrderLeases(await CoreStorage.CreateAsync(), clock);
        var orders = Orders(5);
        await leases.AcquireAsync([orders[1]], "batch:a", Lease, default);
        clock.Advance(TimeSpan.FromSeconds(3));

        var claim = await leases.AcquireAsync(orders, "batch:b", Lease, default);

        Assert.Equal(orders.Except([orders[1]]), claim.Acquired);
        var busy = Assert.Single(claim.Busy);
        Assert.Equal(new OrderLease(orders[1], "batch:a", T0, T0 + Lease), busy);
        Assert.Equal("batch:b", (await leases.GetAsync(orders[0], default))!.Owner);
    }

    [Fact]
    public async Task The_owner_takes_its_own_lease_again_and_an_expired_lease_is_free()
    {
        var clock = new ManualClock(T0);
        var leases = new OrderLeases(await CoreStorage.CreateAsync(), clock);
        var order = Orders(1);
        await leases.AcquireAsync(order, "batch:a", Lease, default);

        Assert.Single((await leases.AcquireAsync(order, "batch:a", Lease, default)).Acquired);
        Assert.Empty((await leases.AcquireAsync(order, "batch:b", Lease, default)).Acquired);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Single((await leases.AcquireAsync(order, "batch:b", Lease, default)).Acquired);
        Assert.Equal("batch:b", (await leases.GetAsync(order[0], default))!.Owner);
    }

    [Fact]
    public async Task Release_frees_only_the_owners_leases_and_hand_over_passes_them_to_each_orders_own_run()
    {
        var leases = new OrderLeases(await CoreStorage.CreateAsync(), new ManualClock(T0));
        var orders = Orders(4);
        await leases.AcquireAsync(orders[..2], "batch:a", Lease, default);
        await leases.AcquireAsync(orders[2..], "batch:b", Lease, default);

        Assert.Equal(orders[..2], await leases.ReleaseAsync(orders, "batch:a", default));
        Assert.Null(await leases.GetAsync(orders[0], default));
        Assert.Equal("batch:b", (await leases.GetAsync(orders[2], default))!.Owner);

        Assert.Equal(orders[2..], await leases.HandOverAsync(orders[2..], "batch:b", TimeSpan.FromHours(1), default));
        Assert.Equal(orders[3].InstanceId, (await leases.GetAsync(orders[3], default))!.Owner);
        Assert.Empty((await leases.AcquireAsync([orders[3]], "batch:c", Lease, default)).Acquired);
        Assert.Single((await leases.AcquireAsync([orders[3]], orders[3].InstanceId, Lease, default)).Acquired);
    }

    [Fact]
    public async Task Runs_racing_for_the_same_orders_of_several_shops_each_get_every_order_exactly_once()
    {
        var leases = new OrderLeases(await CoreStorage.CreateAsync(), TimeProvider.System);
        var orders = Orders(60, "shop-1").Concat(Orders(60, "shop-2")).Concat(Orders(130, "shop-3")).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => leases.AcquireAsync(orders, $"batch:{i}", Lease, default))));

        Assert.Equal(orders.Select(o => o.InstanceId).Order(), claims.SelectMany(c => c.Acquired).Select(o => o.InstanceId).Order());
        Assert.All(claims, c => Assert.Equal(orders.Count, c.Acquired.Count + c.Busy.Count));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessSync.Pipeline.Erp;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Scaled out, the worker processes split the ERP's limits so their sum stays within the ERP's cap.</summary>
public sealed class GovernorMembershipTests
{
    private static readonly IConfiguration Kingdee = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Erp:Kind"] = "Kingdee" }).Build();

    [Fact]
    public async Task Two_live_workers_each_take_half_the_calls_per_second_and_concurrency_and_a_dead_one_stops_counting()
    {
        var storage = await CoreStorage.CreateAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 11, 20, 0, 0, TimeSpan.Zero));
        await using var first = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 20, MaxConcurrency = 4 });
        await using var second = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 20, MaxConcurrency = 4 });
        var a = new GovernorMembership(first, storage, Kingdee, clock, NullLogger<GovernorMembership>.Instance);
        var b = new GovernorMembership(second, storage, Kingdee, clock, NullLogger<GovernorMembership>.Instance);

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

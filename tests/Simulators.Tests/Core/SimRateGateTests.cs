namespace ServerlessSync.Simulators.Tests.Core;

public sealed class SimRateGateTests
{
    [Fact]
    public void A_full_bucket_lets_one_seconds_worth_through_then_refuses_until_it_refills()
    {
        var clock = new SteppedClock();
        var gate = new SimRateGate(clock);

        Assert.Equal([true, true, true, true, false], Enumerable.Range(0, 5).Select(_ => gate.TryTake(4)).ToArray());

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(gate.TryTake(4));
        Assert.False(gate.TryTake(4));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => gate.TryTake(4)));
    }

    [Fact]
    public void A_rate_below_one_still_holds_one_call_and_refills_at_that_rate()
    {
        var clock = new SteppedClock();
        var gate = new SimRateGate(clock);

        Assert.True(gate.TryTake(0.5));
        Assert.False(gate.TryTake(0.5));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(gate.TryTake(0.5));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(gate.TryTake(0.5));
    }

    [Fact]
    public void No_rate_means_no_cap_and_reset_fills_the_bucket()
    {
        var gate = new SimRateGate(new SteppedClock());

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(gate.TryTake(0)));
        Assert.True(gate.TryTake(1));
        Assert.False(gate.TryTake(1));

        gate.Reset();

        Assert.True(gate.TryTake(1));
    }
}

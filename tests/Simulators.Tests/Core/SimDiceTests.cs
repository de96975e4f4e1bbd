namespace ServerlessSync.Simulators.Tests.Core;

public sealed class SimDiceTests
{
    [Fact]
    public void A_seed_replays_the_same_faults_and_reset_starts_them_again()
    {
        var dice = new SimDice(42);
        var first = Enumerable.Range(0, 200).Select(_ => dice.Roll(0.3)).ToArray();

        dice.Reset(42);

        Assert.Equal(first, Enumerable.Range(0, 200).Select(_ => dice.Roll(0.3)).ToArray());
        var seeded = new Random(42);
        Assert.Equal(first, Enumerable.Range(0, 200).Select(_ => seeded.NextDouble() < 0.3).ToArray());
    }

    [Fact]
    public void Never_and_always_do_not_throw_the_dice()
    {
        var dice = new SimDice(5);

        Assert.False(dice.Roll(0));
        Assert.False(dice.Roll(-1));
        Assert.True(dice.Roll(1));
        Assert.True(dice.Roll(2));

        var fresh = new Random(5);
        Assert.Equal(fresh.NextDouble() < 0.5, dice.Roll(0.5));
    }
}

namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class PriceAllocatorTests
{
    [Theory]
    [InlineData(10000L, new long[] { 1, 1, 1 }, new long[] { 3334, 3333, 3333 })]
    [InlineData(100L, new long[] { 3, 3, 3 }, new long[] { 34, 33, 33 })]
    [InlineData(9999L, new long[] { 19900, 25900 }, new long[] { 4345, 5654 })]
    [InlineData(1L, new long[] { 1, 1, 1 }, new long[] { 1, 0, 0 })]
    [InlineData(0L, new long[] { 5, 7 }, new long[] { 0, 0 })]
    public void Parts_sum_exactly_and_the_leftover_fen_go_to_the_largest_remainders_then_the_earliest(long amount, long[] weights, long[] expected)
    {
        var shares = PriceAllocator.Allocate(amount, weights);

        Assert.Equal(expected, shares);
        Assert.Equal(amount, shares.Sum());
    }

    [Fact]
    public void Zero_weights_split_equally()
    {
        Assert.Equal(new long[] { 50, 50 }, PriceAllocator.Allocate(100, [0, 0]));
    }

    [Fact]
    public void Many_odd_amounts_always_sum_exactly()
    {
        var random = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 7)).Select(_ => (long)random.Next(0, 50000)).ToArray();
            var amount = (long)random.Next(0, 10_000_000);
            var shares = PriceAllocator.Allocate(amount, weights);
            Assert.Equal(amount, shares.Sum());
            Assert.All(shares, s => Assert.True(s >= 0));
        }
    }

    [Fact]
    public void Negative_amounts_and_weights_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceAllocator.Allocate(-1, [1]));
        Assert.Throws<ArgumentException>(() => PriceAllocator.Allocate(1, [1, -1]));
        Assert.Throws<ArgumentException>(() => PriceAllocator.Allocate(1, []));
    }
}

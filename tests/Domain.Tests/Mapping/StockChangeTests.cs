using ServerlessSync.Domain.Stock;

namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class StockChangeTests
{
    [Theory]
    [InlineData(10, 18, true, 8, 18)]
    [InlineData(10, 7, false, 3, 7)]
    [InlineData(10, 0, false, 10, 0)]
    [InlineData(0, 5, true, 5, 5)]
    public void The_change_is_the_difference_and_applied_to_the_shown_stock_gives_the_figure(long shown, long wanted, bool add, long amount, long after)
    {
        var change = StockChange.Between(shown, wanted)!;

        Assert.Equal((add, amount), (change.Add, change.Amount));
        Assert.Equal(after, change.After(shown));
    }

    [Fact]
    public void No_change_when_the_figure_is_shown_and_a_bounded_change_stops_short()
    {
        Assert.Null(StockChange.Between(7, 7));
        Assert.Equal(new StockChange(true, 100), StockChange.Between(0, 250, maxAmount: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => StockChange.Between(0, -1));
    }
}

namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoMoneyAndTimeTests
{
    [Theory]
    [InlineData("0.10", 10)]
    [InlineData("19.99", 1999)]
    [InlineData("1000000.01", 100000001)]
    [InlineData("200.07", 20007)]
    [InlineData("0.00", 0)]
    [InlineData("5", 500)]
    [InlineData("-5.30", -530)]
    [InlineData(" 0.29 ", 29)]
    public void Yuan_strings_become_exact_fen(string yuan, long fen)
    {
        Assert.Equal(fen, TaobaoMoney.ToFen(yuan));
    }

    [Fact]
    public void Amounts_that_lose_a_fen_through_double_are_exact()
    {
        // (long)(0.29 * 100) is 28 and (long)(1.15 * 100) is 114 in double arithmetic.
        Assert.Equal(28L, (long)(0.29 * 100));
        Assert.Equal(29L, TaobaoMoney.ToFen("0.29"));
        Assert.Equal(115L, TaobaoMoney.ToFen("1.15"));
        Assert.Equal(9007199254740993L, TaobaoMoney.ToFen("90071992547409.93"));
    }

    [Theory]
    [InlineData("1.001")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("1,000.00")]
    [InlineData("")]
    public void Anything_but_a_plain_amount_to_the_fen_is_refused(string yuan)
    {
        Assert.Throws<FormatException>(() => TaobaoMoney.ToFen(yuan));
    }

    [Fact]
    public void Fen_are_written_back_as_two_decimal_yuan()
    {
        Assert.Equal("0.10", TaobaoMoney.ToYuan(10));
        Assert.Equal("1000000.01", TaobaoMoney.ToYuan(100000001));
        Assert.Equal("-5.00", TaobaoMoney.ToYuan(-500));
    }

    [Fact]
    public void Top_times_are_beijing_wall_clock_and_convert_to_utc()
    {
        var utc = TaobaoTime.Parse("2024-06-18 20:00:01");

        Assert.Equal(new DateTimeOffset(2024, 6, 18, 12, 0, 1, TimeSpan.Zero), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal("2024-06-19 07:30:00", TaobaoTime.ToText(new DateTimeOffset(2024, 6, 18, 23, 30, 0, 456, TimeSpan.Zero)));
        Assert.False(TaobaoTime.TryParse("2024-06-18T20:00:01Z", out _));
        Assert.True(TaobaoTime.IsFresh("2024-06-18 20:09:00", utc, TimeSpan.FromMinutes(10)));
        Assert.False(TaobaoTime.IsFresh("2024-06-18 20:11:00", utc, TimeSpan.FromMinutes(10)));
    }
}

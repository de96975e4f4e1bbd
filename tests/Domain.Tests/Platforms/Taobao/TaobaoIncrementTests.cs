namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoIncrementTests
{
    private static readonly DateTimeOffset From = new(2024, 6, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Query_sends_the_window_in_beijing_time_with_page_parameters()
    {
        var parameters = new TaobaoIncrementQuery(From, From.AddMinutes(30).AddMilliseconds(900), 3, 50).ToParameters();

        Assert.Equal("2024-06-18 20:00:00", parameters["start_modified"]);
        Assert.Equal("2024-06-18 20:30:00", parameters["end_modified"]);
        Assert.Equal("3", parameters["page_no"]);
        Assert.Equal("50", parameters["page_size"]);
        Assert.Equal("false", parameters["use_has_next"]);
        Assert.Equal("tid,status,modified", parameters["fields"]);
    }

    [Fact]
    public void Query_refuses_windows_over_a_day_empty_windows_and_pages_out_of_range()
    {
        Assert.NotNull(new TaobaoIncrementQuery(From, From.AddDays(1), 1, 100).ToParameters());
        Assert.Throws<ArgumentException>(() => new TaobaoIncrementQuery(From, From.AddDays(1).AddSeconds(1), 1, 100).ToParameters());
        Assert.Throws<ArgumentException>(() => new TaobaoIncrementQuery(From, From, 1, 100).ToParameters());
        Assert.Throws<ArgumentException>(() => new TaobaoIncrementQuery(From, From.AddHours(1), 1, 101).ToParameters());
        Assert.Throws<ArgumentException>(() => new TaobaoIncrementQuery(From, From.AddHours(1), 0, 40).ToParameters());
    }

    [Fact]
    public void A_window_shorter_than_a_second_is_sent_one_second_wide()
    {
        var parameters = new TaobaoIncrementQuery(From.AddMilliseconds(100), From.AddMilliseconds(600), 1, 40).ToParameters();

        Assert.Equal(("2024-06-18 20:00:00", "2024-06-18 20:00:01"), (parameters["start_modified"], parameters["end_modified"]));
    }

    [Fact]
    public void Page_parser_reads_total_results_has_next_and_exact_tids()
    {
        var withTotal = TaobaoIncrementParser.Parse("""
            {"trades_sold_increment_get_response":{"total_results":123,"trades":{"trade":[
              {"tid":3512345678901234567,"status":"WAIT_SELLER_SEND_GOODS","modified":"2024-06-18 20:00:10"},
              {"tid":3512345678901234500,"status":"TRADE_CLOSED","modified":"2024-06-18 20:00:02"}]},"request_id":"r"}}
            """).Page!;
        var withHasNext = TaobaoIncrementParser.Parse("""{"trades_sold_increment_get_response":{"has_next":false}}""").Page!;

        Assert.Equal(123, withTotal.TotalResults);
        Assert.Null(withTotal.HasNext);
        Assert.Equal(
            [
                new TaobaoChangedTrade("3512345678901234567", new DateTimeOffset(2024, 6, 18, 12, 0, 10, TimeSpan.Zero), "WAIT_SELLER_SEND_GOODS"),
                new TaobaoChangedTrade("3512345678901234500", new DateTimeOffset(2024, 6, 18, 12, 0, 2, TimeSpan.Zero), "TRADE_CLOSED"),
            ],
            withTotal.Trades);
        Assert.Empty(withHasNext.Trades);
        Assert.False(withHasNext.HasNext);
        Assert.Null(withHasNext.TotalResults);
    }

    [Fact]
    public void Page_parser_returns_errors_and_refuses_trades_without_modified()
    {
        var error = TaobaoIncrementParser.Parse("""{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey"}}""").Error!;

        Assert.Equal(TaobaoApiError.InvalidSession, error.Code);
        Assert.False(error.IsTransient);
        Assert.Throws<TaobaoResponseFormatException>(() =>
            TaobaoIncrementParser.Parse("""{"trades_sold_increment_get_response":{"total_results":1,"trades":{"trade":[{"tid":1}]}}}"""));
    }
}

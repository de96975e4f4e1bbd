namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

public sealed class SearchListQueryTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeSeconds(1762862400);

    [Fact]
    public void Param_json_asks_for_the_update_time_window_ascending_with_page_and_size()
    {
        var query = DouyinSearchListQuery.ByUpdateTime(From, From.AddHours(1), page: 2, size: 100);

        Assert.Equal(
            """{"order_asc":true,"order_by":"update_time","page":2,"size":100,"update_time_end":1762866000,"update_time_start":1762862400}""",
            DouyinApiSigner.ParamJson(query.ToBusinessParams()));
    }

    [Fact]
    public void Window_ends_are_cut_to_whole_seconds_downwards()
    {
        var query = DouyinSearchListQuery.ByUpdateTime(From.AddMilliseconds(999), From.AddSeconds(60).AddMilliseconds(700), 0, 50);

        Assert.Equal((1762862400L, 1762862460L), (query.UpdateTimeStart, query.UpdateTimeEnd));
    }

    [Fact]
    public void Signed_request_goes_to_order_search_list()
    {
        var query = DouyinSearchListQuery.ByUpdateTime(From, From.AddMinutes(5), 0, 100);

        var request = DouyinApiSigner.BuildRequest("k", "s", "t", DouyinSearchListQuery.Path, query.ToBusinessParams(), From);

        Assert.Equal("order.searchList", request.Method);
        Assert.StartsWith("/order/searchList?app_key=k&method=order.searchList&", request.PathAndQuery, StringComparison.Ordinal);
        Assert.True(DouyinApiSigner.Verify("k", "s", request.Method, request.Body, request.Timestamp, request.Sign));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 101)]
    [InlineData(-1, 100)]
    public void Page_size_is_1_to_100_and_pages_count_from_0(int page, int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DouyinSearchListQuery.ByUpdateTime(From, From.AddHours(1), page, size));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DouyinSearchListQuery.ByUpdateTime(From, From.AddSeconds(-1), 0, 100));
    }
}

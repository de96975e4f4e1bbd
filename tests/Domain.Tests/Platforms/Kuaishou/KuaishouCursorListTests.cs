namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

public sealed class KuaishouCursorListTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 11, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Changed_between_asks_for_all_orders_by_update_time_in_milliseconds_fifty_a_page()
    {
        var param = KuaishouCursorListQuery.ChangedBetween(Now.AddHours(-1), Now, null).ToParam(Now);

        Assert.Equal(
            $$"""{"orderViewStatus":1,"pageSize":50,"sort":2,"queryType":2,"beginTime":{{Now.AddHours(-1).ToUnixTimeMilliseconds()}},"endTime":{{Now.ToUnixTimeMilliseconds()}},"cpsType":0,"cursor":""}""",
            param.ToJsonString());
        Assert.Equal(
            """{"beginTime":1762858800000,"cpsType":0,"cursor":"abc","endTime":1762862400000,"orderViewStatus":1,"pageSize":50,"queryType":2,"sort":2}""",
            KuaishouApiSigner.ParamJson(KuaishouCursorListQuery.ChangedBetween(Now.AddHours(-1), Now, "abc").ToParam(Now)));
    }

    [Fact]
    public void A_window_of_exactly_seven_days_is_allowed_and_a_millisecond_more_is_not()
    {
        KuaishouCursorListQuery.ChangedBetween(Now.AddDays(-7), Now, null).Validate(Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => KuaishouCursorListQuery.ChangedBetween(Now.AddDays(-7).AddMilliseconds(-1), Now, null).Validate(Now));
    }

    [Fact]
    public void Begin_older_than_ninety_days_page_size_over_fifty_and_empty_windows_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KuaishouCursorListQuery.ChangedBetween(Now.AddDays(-91), Now.AddDays(-90), null).Validate(Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => (KuaishouCursorListQuery.ChangedBetween(Now.AddHours(-1), Now, null) with { PageSize = 51 }).Validate(Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => KuaishouCursorListQuery.ChangedBetween(Now, Now, null).Validate(Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => KuaishouCursorListQuery.ChangedBetween(Now.AddHours(-1), Now, "nomore").Validate(Now));
    }

    [Fact]
    public void List_answer_yields_ids_update_times_and_the_next_cursor()
    {
        var page = KuaishouOrderListParser.ParseResponse("""
            {"result":1,"data":{"pageSize":50,"beginTime":1,"endTime":2,"cursor":"MTc2Ml8y","orderList":[
              {"orderBaseInfo":{"oid":9007199254740993,"status":30,"updateTime":1762862470000}},
              {"orderBaseInfo":{"oid":2607602240240302,"status":80,"updateTime":1762862480000}}]}}
            """).Page!;

        Assert.Equal(
            [new KuaishouListedOrder("9007199254740993", 30, DateTimeOffset.FromUnixTimeMilliseconds(1762862470000)),
             new KuaishouListedOrder("2607602240240302", 80, DateTimeOffset.FromUnixTimeMilliseconds(1762862480000))],
            page.Orders);
        Assert.Equal("MTc2Ml8y", page.NextCursor);
    }

    [Theory]
    [InlineData("nomore")]
    [InlineData("")]
    public void The_last_page_has_no_next_cursor(string cursor)
    {
        var page = KuaishouOrderListParser.ParseResponse($$$"""{"result":1,"data":{"cursor":"{{{cursor}}}","orderList":[]}}""").Page!;

        Assert.Empty(page.Orders);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void A_refusal_is_returned_as_the_error()
    {
        var result = KuaishouOrderListParser.ParseResponse("""{"result":12,"error_msg":"参数错误","sub_code":"PARAM_INVALID","sub_msg":"查询时间范围不能超过7天"}""");

        Assert.Null(result.Page);
        Assert.Equal((12L, "PARAM_INVALID"), (result.Error!.Result, result.Error.SubCode));
    }

    [Fact]
    public void An_entry_without_a_readable_oid_or_time_is_skipped_and_the_rest_is_read()
    {
        var page = KuaishouOrderListParser.ParseResponse("""
            {"result":1,"data":{"cursor":"nomore","orderList":[
              {"orderBaseInfo":{"oid":"26076022402403x1","status":30,"updateTime":1762862470000}},
              {"orderBaseInfo":{"oid":2607602240240302,"status":30}},
              {"orderBaseInfo":{"oid":2607602240240303,"status":80,"updateTime":1762862480000}}]}}
            """).Page!;

        Assert.Equal(["2607602240240303"], page.Orders.Select(o => o.OrderId));
        Assert.Equal(["orderList entry has no integer oid", "orderList entry 2607602240240302 lacks updateTime"], page.Skipped.Select(e => e.Reason));
        Assert.Contains("26076022402403x1", page.Skipped[0].Excerpt);
    }
}

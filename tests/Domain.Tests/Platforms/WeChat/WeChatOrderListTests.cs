namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

public sealed class WeChatOrderListTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Request_uses_update_time_range_in_seconds_page_size_and_next_key()
    {
        using var request = JsonDocument.Parse(WeChatOrderList.UpdateTimeRequest(From, From.AddDays(7), 100, "key-2"));
        var root = request.RootElement;

        Assert.Equal(1_700_000_000, root.GetProperty("update_time_range").GetProperty("start_time").GetInt64());
        Assert.Equal(1_700_604_800, root.GetProperty("update_time_range").GetProperty("end_time").GetInt64());
        Assert.Equal(100, root.GetProperty("page_size").GetInt32());
        Assert.Equal("key-2", root.GetProperty("next_key").GetString());
    }

    [Fact]
    public void More_than_seven_days_or_a_page_beyond_100_is_refused_before_any_call()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatOrderList.UpdateTimeRequest(From, From.AddDays(7).AddSeconds(1), 100, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatOrderList.UpdateTimeRequest(From, From.AddSeconds(-1), 100, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatOrderList.UpdateTimeRequest(From, From.AddDays(1), 101, null));
    }

    [Fact]
    public void Response_gives_exact_ids_and_the_next_key_while_has_more()
    {
        var page = WeChatOrderList.ParseResponse(
            """{"errcode":0,"errmsg":"ok","order_id_list":["3705115058471208928",3705115058471208929],"next_key":"k2","has_more":true}""").Page!;
        var last = WeChatOrderList.ParseResponse("""{"errcode":0,"order_id_list":[],"next_key":"k3","has_more":false}""").Page!;

        Assert.Equal(["3705115058471208928", "3705115058471208929"], page.OrderIds);
        Assert.Equal(("k2", true), (page.NextKey, page.HasMore));
        Assert.False(last.HasMore);
        Assert.Equal(40097, WeChatOrderList.ParseResponse("""{"errcode":40097,"errmsg":"invalid args"}""").Error!.ErrCode);
    }

    [Fact]
    public void A_value_that_is_not_an_order_id_is_skipped_and_the_other_ids_are_read()
    {
        var page = WeChatOrderList.ParseResponse("""{"errcode":0,"order_id_list":["3705115058471208928","37051x",{"id":1}],"has_more":false}""").Page!;

        Assert.Equal(["3705115058471208928"], page.OrderIds);
        Assert.Equal(["\"37051x\"", "{\"id\":1}"], page.Skipped.Select(e => e.Excerpt));
    }
}

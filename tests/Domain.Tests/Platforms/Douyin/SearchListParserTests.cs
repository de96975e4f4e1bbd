namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

public sealed class SearchListParserTests
{
    // Entries carry the documented shop_order_list fields (abridged); ids are strings, shop_id and times numbers.
    private const string TwoOrders = """
        {
          "data": {
            "page": 1,
            "size": 2,
            "total": 5,
            "shop_order_list": [
              {
                "shop_id": 100200300,
                "order_id": "6917530340000000011",
                "order_level": 2,
                "order_status": 105,
                "create_time": 1762862400,
                "update_time": 1762862470,
                "pay_amount": 19600,
                "mask_post_receiver": "张**",
                "sku_order_list": [{ "order_id": "6917530340000000011", "parent_order_id": "6917530340000000011", "sku_id": 1720000000000001 }]
              },
              {
                "shop_id": 100200300,
                "order_id": "6917530340000000012",
                "order_status": 4,
                "create_time": "1762862401",
                "update_time": "1762862500"
              }
            ]
          },
          "log_id": "20251111200000ABCDEF0123456789AB",
          "code": 10000,
          "msg": "success",
          "sub_code": "",
          "sub_msg": ""
        }
        """;

    [Fact]
    public void Reads_page_size_total_and_each_order_id_with_its_update_time()
    {
        var page = DouyinSearchListParser.ParseResponse(TwoOrders).Page!;

        Assert.Equal((1L, 2L, 5L), (page.Page, page.Size, page.Total));
        Assert.Equal(
            [
                new DouyinSearchListItem("6917530340000000011", DateTimeOffset.FromUnixTimeSeconds(1762862470), "100200300"),
                new DouyinSearchListItem("6917530340000000012", DateTimeOffset.FromUnixTimeSeconds(1762862500), "100200300"),
            ],
            page.Orders);
    }

    [Fact]
    public void Next_page_follows_until_total_is_reached_or_a_page_is_empty()
    {
        var page = DouyinSearchListParser.ParseResponse(TwoOrders).Page!;

        Assert.Equal(2, page.NextPage(1, 2));   // 1*2 + 2 = 4 < 5
        Assert.Null(page.NextPage(2, 2));       // 2*2 + 2 = 6 >= 5
        Assert.Null((page with { Orders = [] }).NextPage(0, 100));
        Assert.Null((page with { Total = 2 }).NextPage(0, 2));
    }

    [Fact]
    public void An_empty_window_is_a_last_page_without_orders()
    {
        var page = DouyinSearchListParser.ParseResponse("""{"data":{"page":0,"size":100,"total":0,"shop_order_list":[]},"code":10000,"msg":"success"}""").Page!;

        Assert.Empty(page.Orders);
        Assert.Null(page.NextPage(0, 100));
    }

    [Fact]
    public void Ids_beyond_2_to_the_53_are_kept_exactly()
    {
        var page = DouyinSearchListParser.ParseResponse(
            """{"data":{"page":0,"size":100,"total":1,"shop_order_list":[{"order_id":9007199254740993123,"update_time":1762862470}]},"code":10000}""").Page!;

        Assert.Equal("9007199254740993123", Assert.Single(page.Orders).OrderId);
    }

    [Theory]
    [InlineData(60000, "isv.traffic-limited", true)]
    [InlineData(20000, "dop.service-error", true)]
    [InlineData(40003, "isv.parameter-invalid", false)]
    [InlineData(40001, "isv.access-token-missing", false)]
    public void Error_envelopes_are_classified_by_code(long code, string subCode, bool transient)
    {
        var error = DouyinSearchListParser.ParseResponse(
            $$"""{"data":{},"log_id":"L1","code":{{code}},"msg":"m","sub_code":"{{subCode}}","sub_msg":"s"}""").Error!;

        Assert.Equal((code, subCode, "L1"), (error.Code, error.SubCode, error.LogId));
        Assert.Equal(transient, error.IsTransient);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"msg":"no code"}""")]
    [InlineData("""{"code":10000,"msg":"success"}""")]
    [InlineData("""{"code":10000,"data":{"page":0,"size":100,"shop_order_list":[]}}""")]
    [InlineData("""{"code":10000,"data":{"total":1,"shop_order_list":{"order_id":"6917530340000000011"}}}""")]
    public void Malformed_answers_are_format_errors(string json)
    {
        Assert.Throws<DouyinResponseFormatException>(() => DouyinSearchListParser.ParseResponse(json));
    }

    [Fact]
    public void An_unreadable_entry_is_skipped_with_its_ids_kept_and_the_rest_of_the_page_is_read()
    {
        const string json = """
            {"code":10000,"msg":"success","data":{"page":0,"size":100,"total":4,"shop_order_list":[
              {"shop_id":100200300,"order_id":"6917530340000000011","update_time":1762862470},
              {"shop_id":100200300,"order_id":"69175303400000000x2","update_time":1762862480,"mask_post_receiver":"张**","post_tel":"1**********"},
              {"shop_id":100200300,"order_id":"6917530340000000013"},
              {"shop_id":100200300,"order_id":"6917530340000000014","update_time":1762862490}
            ]}}
            """;

        var page = DouyinSearchListParser.ParseResponse(json).Page!;

        Assert.Equal(["6917530340000000011", "6917530340000000014"], page.Orders.Select(o => o.OrderId));
        Assert.Equal(2, page.Skipped.Count);
        Assert.Equal("shop_order_list entry has no integer order_id", page.Skipped[0].Reason);
        Assert.Equal("""{"order_id":"69175303400000000x2","shop_id":"100200300","update_time":"1762862480"}""", page.Skipped[0].Excerpt);
        Assert.DoesNotContain("张", page.Skipped[0].Excerpt);
        Assert.Contains("6917530340000000013", page.Skipped[1].Reason);

        // Paging counts the skipped entries too: four entries of four means this was the last page.
        Assert.Null(page.NextPage(0, 100));
    }
}

using ServerlessSync.Domain.Tests.Platforms.Douyin;

namespace ServerlessSync.Domain.Tests.Platforms;

public sealed class PastedOrderTests
{
    [Fact]
    public void Reads_a_pasted_order_detail_answer_with_the_platforms_own_parser()
    {
        var douyin = PastedOrder.Parse(PlatformNames.Douyin, "100200300", DouyinOrderDetailFixture.Response());
        var kuaishou = PastedOrder.Parse(PlatformNames.Kuaishou, "5000100", KuaishouOrderDetailFixture.Response());

        Assert.Null(douyin.Problem);
        var read = DouyinOrderParser.ParseDetailResponse(DouyinOrderDetailFixture.Response(), "100200300").Order!;
        Assert.Equal((read.Key, read.PaidAmountFen, read.Status), (douyin.Order!.Key, douyin.Order.PaidAmountFen, douyin.Order.Status));
        Assert.Equal(read.Lines.Select(l => (l.SkuId, l.Quantity, l.PaidAmountFen)), douyin.Order.Lines.Select(l => (l.SkuId, l.Quantity, l.PaidAmountFen)));
        Assert.Equal(PlatformNames.Douyin, douyin.Order.Key.Platform);
        Assert.Null(kuaishou.Problem);
        Assert.Equal("2607602240240301", kuaishou.Order!.Key.OrderId);
    }

    [Theory]
    [InlineData(PlatformNames.Douyin, "not json", "not a douyin order-detail answer")]
    [InlineData(PlatformNames.Douyin, """{"code":10000,"data":{}}""", "not a douyin order-detail answer")]
    [InlineData(PlatformNames.Douyin, """{"code":50002,"msg":"业务处理失败","sub_code":"isv.business-failed:100001","sub_msg":"订单不存在","log_id":"2026","data":{}}""", "the platform's error")]
    [InlineData(PlatformNames.Taobao, "{}", "not a taobao order-detail answer")]
    [InlineData(PlatformNames.WeChat, "[]", "not a wechat order-detail answer")]
    [InlineData("jd", "{}", "unknown platform 'jd'")]
    public void Says_why_a_pasted_text_is_not_an_order(string platform, string json, string problem)
    {
        var (order, why) = PastedOrder.Parse(platform, "shop-1", json);

        Assert.Null(order);
        Assert.Contains(problem, why, StringComparison.Ordinal);
    }
}

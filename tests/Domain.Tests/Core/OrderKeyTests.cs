namespace ServerlessSync.Domain.Tests.Core;

public class OrderKeyTests
{
    [Fact]
    public void InstanceId_is_platform_shop_order_and_parses_back()
    {
        // WeChat order ids exceed 2^53: they must survive as strings, digit for digit.
        var key = new OrderKey("wechat", "shop-1", "3719483120938475639");

        Assert.Equal("wechat:shop-1:3719483120938475639", key.InstanceId);
        Assert.Equal(key.InstanceId, key.ToString());
        Assert.Equal(key, OrderKey.ParseInstanceId(key.InstanceId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("douyin")]
    [InlineData("douyin:shop")]
    [InlineData("douyin:shop:order:extra")]
    [InlineData("douyin::order")]
    [InlineData(":shop:order")]
    [InlineData("douyin:shop: ")]
    public void ParseInstanceId_rejects_anything_but_three_non_blank_parts(string text)
    {
        var ex = Assert.Throws<FormatException>(() => OrderKey.ParseInstanceId(text));
        Assert.Contains("platform:shopId:orderId", ex.Message);
    }
}

using static ServerlessSync.Domain.Tests.Erp.ErpTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.Jushuitan;

public sealed class JushuitanOrderUploadTests
{
    private static ErpSalesOrder Order(string orderNo, params ErpSalesOrderLine[] lines) =>
        DouyinOrder(lines) with { ExternalOrderNo = orderNo, OrderDate = new DateTimeOffset(2025, 6, 18, 2, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void Biz_is_an_array_of_orders_keyed_by_shop_and_so_id_with_exact_money()
    {
        var biz = JsonNode.Parse(JushuitanOrderUpload.BuildBiz(
            [Order("6921234567890123", Line("MAT-A", 3, 10000, lineId: "L1"), Line("MAT-G", 1, 0, gift: true, lineId: "L2")), Order("6921234567890124", Line("MAT-A", 1, 9900))],
            "10001"))!.AsArray();
        var order = biz[0]!;
        var sale = order["items"]![0]!;
        var gift = order["items"]![1]!;

        Assert.Equal(2, biz.Count);
        Assert.Equal(10001, order["shop_id"]!.GetValue<long>());
        Assert.Equal("6921234567890123", order["so_id"]!.GetValue<string>());
        Assert.Equal("2025-06-18 10:00:00", order["order_date"]!.GetValue<string>());
        Assert.Equal("WAIT_SELLER_SEND_GOODS", order["shop_status"]!.GetValue<string>());
        Assert.Equal(100m, order["pay_amount"]!.GetValue<decimal>());
        Assert.Equal(0m, order["freight"]!.GetValue<decimal>());
        Assert.Equal(100m, order["pay"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("MAT-A", sale["sku_id"]!.GetValue<string>());
        Assert.Equal(100m, sale["amount"]!.GetValue<decimal>());
        Assert.Equal(33.3333m, sale["price"]!.GetValue<decimal>());
        Assert.Equal(3, sale["qty"]!.GetValue<int>());
        Assert.Equal("L1", sale["outer_oi_id"]!.GetValue<string>());
        Assert.False(sale["is_gift"]!.GetValue<bool>());
        Assert.True(gift["is_gift"]!.GetValue<bool>());
        Assert.Equal(0m, gift["amount"]!.GetValue<decimal>());
        Assert.Equal(0m, gift["price"]!.GetValue<decimal>());
        Assert.Equal(99m, biz[1]!["pay_amount"]!.GetValue<decimal>());
    }

    [Fact]
    public void Outer_line_ids_stay_unique_when_a_platform_line_became_several_erp_lines()
    {
        var order = JushuitanOrderUpload.BuildOrder(Order("1", Line("MAT-A", 1, 100, lineId: "L1"), Line("MAT-B", 1, 200, lineId: "L1"), Line("MAT-C", 1, 300)), "shop-x");
        var ids = order["items"]!.AsArray().Select(i => i!["outer_oi_id"]!.GetValue<string>()).ToList();

        Assert.Equal(["L1-1", "L1-2", "3"], ids);
        Assert.Equal("shop-x", order["shop_id"]!.GetValue<string>());
    }

    [Fact]
    public void Documents_the_api_cannot_take_are_refused()
    {
        Assert.Throws<ArgumentException>(() => JushuitanOrderUpload.BuildOrder(Order(new string('9', 42), Line("MAT-A", 1, 100)), "10001"));
        Assert.Throws<ArgumentException>(() => JushuitanOrderUpload.BuildOrder(Order("1", Line("MAT-A", 1, 100, gift: true)), "10001"));
        Assert.Throws<ArgumentException>(() => JushuitanOrderUpload.BuildOrder(Order("1", Line(new string('M', 41), 1, 100)), "10001"));
        Assert.Empty(JushuitanOrderValidator.Validate(Order(new string('9', 41), Line("MAT-A", 1, 100))));
    }
}

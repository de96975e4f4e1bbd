using ServerlessSync.Domain.Tests.Erp;

namespace ServerlessSync.Domain.Tests.Core;

public class OrderPlannerTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);

    private static MappingProfile Profile() => new()
    {
        Platform = "douyin",
        ShopId = "shop-1",
        CustomerNumber = "CUST-DY",
        SalesOrgNumber = "100",
        SalesmanNumber = "EMP-7",
        DefaultWarehouse = "WH-MAIN",
        TaxRatePercent = 9m,
        Skus = new Dictionary<string, SkuMapping>
        {
            ["1001"] = new("M-1001", "Pcs"),
            ["MC-2"] = new("M-2", "Box"),
            ["1003"] = new("M-3", "Pcs", Warehouse: "WH-COLD"),
        },
    };

    private static OrderLine Line(string id, string sku, long paid, int qty = 1, string? code = null, bool gift = false) => new()
    {
        LineId = id,
        SkuId = sku,
        MerchantCode = code,
        Quantity = qty,
        PaidAmountFen = paid,
        IsGift = gift,
    };

    private static Order OrderWith(IReadOnlyList<OrderLine> lines, long? paid = null, long freight = 0, MarketingTags? tags = null) => new()
    {
        Key = new OrderKey("douyin", "shop-1", "6920000000000000001"),
        Status = OrderStatus.Paid,
        CreatedAt = Created,
        PaidAt = Created.AddMinutes(1),
        UpdatedAt = Created.AddMinutes(1),
        PaidAmountFen = paid ?? lines.Sum(l => l.PaidAmountFen) + freight,
        FreightFen = freight,
        Tags = tags ?? MarketingTags.None,
        Lines = lines,
    };

    [Fact]
    public void Maps_lines_by_platform_sku_id_and_by_merchant_code_into_one_document()
    {
        var order = OrderWith([Line("L1", "1001", 5_990, qty: 2), Line("L2", "888777", 1_000, code: "MC-2")]);

        var plan = OrderPlanner.Plan(order, Profile());

        Assert.False(plan.IsQuarantined);
        var doc = Assert.IsType<ErpSalesOrder>(plan.Document);
        Assert.Equal("6920000000000000001", doc.ExternalOrderNo);
        Assert.Equal(("douyin", "shop-1"), (doc.Platform, doc.ShopId));
        Assert.Equal(("CUST-DY", "100", "EMP-7"), (doc.CustomerNumber, doc.SalesOrgNumber, doc.SalesmanNumber));
        Assert.Equal(order.PaidAt, doc.OrderDate);
        Assert.Collection(
            doc.Lines,
            l =>
            {
                Assert.Equal(("M-1001", "Pcs", 2, 5_990L, "L1"), (l.MaterialNumber, l.UnitNumber, l.Quantity, l.AmountFen, l.PlatformLineId));
                Assert.False(l.IsGift);
                Assert.Equal(9m, l.TaxRatePercent);
            },
            l => Assert.Equal(("M-2", "Box", 1, 1_000L, "L2"), (l.MaterialNumber, l.UnitNumber, l.Quantity, l.AmountFen, l.PlatformLineId)));
        Assert.Empty(plan.QuarantineReasons);
        Assert.Empty(plan.UnmappedSkus);
    }

    [Fact]
    public void Document_total_is_what_the_buyer_paid_freight_included()
    {
        var order = OrderWith([Line("L1", "1001", 3_300, qty: 3), Line("L2", "1003", 4_500), Line("L3", "x", 2_000, code: "MC-2")], freight: 1_200);

        var doc = OrderPlanner.Plan(order, Profile()).Document!;

        Assert.Equal(11_000, doc.TotalAmountFen);
        Assert.Equal(doc.Lines.Sum(l => l.AmountFen), doc.TotalAmountFen);
        Assert.Equal(order.PaidAmountFen, doc.TotalAmountFen);
    }

    [Fact]
    public void Gift_lines_are_written_with_amount_zero_and_flagged()
    {
        var order = OrderWith([Line("L1", "1001", 9_900), Line("G1", "1003", 0, gift: true)]);

        var doc = OrderPlanner.Plan(order, Profile()).Document!;

        var gift = Assert.Single(doc.Lines, l => l.PlatformLineId == "G1");
        Assert.True(gift.IsGift);
        Assert.Equal(0, gift.AmountFen);
        Assert.Equal("M-3", gift.MaterialNumber);
        Assert.False(doc.Lines.Single(l => l.PlatformLineId == "L1").IsGift);
        Assert.Equal(9_900, doc.TotalAmountFen);
    }

    [Fact]
    public void Warehouse_comes_from_the_sku_mapping_when_set_else_the_shop_default()
    {
        var doc = OrderPlanner.Plan(OrderWith([Line("L1", "1001", 100), Line("L2", "1003", 200)]), Profile()).Document!;

        Assert.Equal("WH-MAIN", doc.Lines.Single(l => l.PlatformLineId == "L1").WarehouseNumber);
        Assert.Equal("WH-COLD", doc.Lines.Single(l => l.PlatformLineId == "L2").WarehouseNumber);
    }

    [Fact]
    public void An_unmapped_sku_quarantines_the_order_and_names_the_sku()
    {
        var order = OrderWith([Line("L1", "1001", 100), Line("L2", "55501", 200), Line("L3", "55502", 300, code: "MC-NEW")]);

        var plan = OrderPlanner.Plan(order, Profile());

        Assert.True(plan.IsQuarantined);
        Assert.Null(plan.Document);
        Assert.Contains("55501", plan.UnmappedSkus);
        Assert.Contains(plan.UnmappedSkus, s => s.Contains("MC-NEW") || s.Contains("55502"));
        Assert.DoesNotContain("1001", plan.UnmappedSkus);
        var reason = Assert.Single(plan.QuarantineReasons);
        Assert.Contains("unmapped SKU", reason);
        Assert.Contains("55501", reason);
    }

    [Fact]
    public void Paid_amount_not_matching_the_lines_quarantines_the_order()
    {
        // Lines add up to 300 fen, freight 50, but the buyer paid 400.
        var order = OrderWith([Line("L1", "1001", 100), Line("L2", "1003", 200)], paid: 400, freight: 50);

        var plan = OrderPlanner.Plan(order, Profile());

        Assert.True(plan.IsQuarantined);
        var reason = Assert.Single(plan.QuarantineReasons);
        Assert.Contains("350", reason);
        Assert.Contains("300", reason);
        Assert.Empty(plan.UnmappedSkus);
    }

    [Fact]
    public void Freight_is_not_a_mismatch()
    {
        var order = OrderWith([Line("L1", "1001", 100)], paid: 1_100, freight: 1_000);
        Assert.False(OrderPlanner.Plan(order, Profile()).IsQuarantined);
    }

    [Fact]
    public void An_order_without_lines_is_quarantined()
    {
        var plan = OrderPlanner.Plan(OrderWith([], paid: 0), Profile());

        Assert.True(plan.IsQuarantined);
        Assert.Contains("order has no lines", plan.QuarantineReasons);
    }

    [Fact]
    public void Marketing_tags_of_the_order_become_custom_fields()
    {
        var tags = new MarketingTags("anchor-9", "小美", "room-42", "live");
        var doc = OrderPlanner.Plan(OrderWith([Line("L1", "1001", 100)], tags: tags), Profile()).Document!;

        Assert.Equal("anchor-9", doc.CustomFields["anchorId"]);
        Assert.Equal("小美", doc.CustomFields["anchorName"]);
        Assert.Equal("room-42", doc.CustomFields["liveRoomId"]);
        Assert.Equal("live", doc.CustomFields["channel"]);
    }

    [Fact]
    public void Anchor_and_live_room_fall_back_to_the_lines_and_absent_tags_add_no_fields()
    {
        var lines = new[]
        {
            Line("L1", "1001", 100),
            Line("L2", "1003", 200) with { AnchorId = "anchor-3", AnchorName = "阿强", LiveRoomId = "room-7" },
        };
        var doc = OrderPlanner.Plan(OrderWith(lines), Profile()).Document!;

        Assert.Equal("anchor-3", doc.CustomFields["anchorId"]);
        Assert.Equal("阿强", doc.CustomFields["anchorName"]);
        Assert.Equal("room-7", doc.CustomFields["liveRoomId"]);
        Assert.False(doc.CustomFields.ContainsKey("channel"));

        var plain = OrderPlanner.Plan(OrderWith([Line("L1", "1001", 100)]), Profile()).Document!;
        Assert.Empty(plain.CustomFields);
    }
}

public class StockCheckTests
{
    private static ErpSalesOrderLine Line(string material, int qty) => ErpTestOrders.Line(material, qty, 100, warehouse: "WH");

    private static ErpSalesOrder Document(params ErpSalesOrderLine[] lines) => ErpTestOrders.DouyinOrder(lines) with
    {
        ExternalOrderNo = "1",
        ShopId = "s",
        CustomerNumber = "C",
        OrderDate = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Lines_of_the_same_material_are_summed_before_comparing()
    {
        // 3 + 2 of M-1 against 4 available: short although each line alone would fit.
        var doc = Document(Line("M-1", 3), Line("M-2", 1), Line("M-1", 2));
        var levels = new StockLevels(new Dictionary<string, decimal> { ["M-1"] = 4m, ["M-2"] = 1m });

        var shortage = Assert.Single(StockCheck.Shortages(doc, levels));

        Assert.Equal(new StockShortage("M-1", 5, 4m), shortage);
    }

    [Fact]
    public void Enough_stock_means_no_shortage_and_unknown_material_counts_as_zero()
    {
        var doc = Document(Line("M-1", 3), Line("M-1", 2));
        Assert.Empty(StockCheck.Shortages(doc, new StockLevels(new Dictionary<string, decimal> { ["M-1"] = 5m })));

        var missing = Assert.Single(StockCheck.Shortages(Document(Line("M-9", 1)), new StockLevels(new Dictionary<string, decimal>())));
        Assert.Equal(new StockShortage("M-9", 1, 0m), missing);
    }
}

namespace ServerlessSync.Domain.Tests.Mapping;

/// <summary>The ERP order totals what the buyer paid to the fen: freight as the profile says, discounts by who bears them.</summary>
public class FreightAndDiscountPlanningTests
{
    private static readonly FreightMapping ChargeLine = new() { Mode = FreightMode.ChargeLine, MaterialNumber = "FREIGHT", UnitNumber = "Pcs" };

    /// <summary>Goods 3 × 33.00 + 45.00 (one gift), freight 6.00; merchant coupon 5.00, platform subsidy 8.00.</summary>
    private static Order PaidWithFreightAndDiscounts() => Order(Line("L1", "SKU-A", 3, 9_900), Line("L2", "SKU-B", 1, 3_700), Line("G1", "SKU-A", 1, 0, gift: true)) with
    {
        OrderAmountFen = 9_900 + 4_500 + 500,
        FreightFen = 600,
        PaidAmountFen = 9_900 + 3_700 + 600,
        DiscountFen = 1_300,
        MerchantDiscountFen = 500,
        PlatformSubsidyFen = 800,
    };

    [Fact]
    public void Allocated_freight_is_spread_over_the_paid_lines_and_the_total_is_what_the_buyer_paid()
    {
        var order = PaidWithFreightAndDiscounts();

        var doc = OrderPlanner.Plan(order, Profile()).Document!;

        Assert.Equal(14_200, order.PaidAmountFen);
        Assert.Equal(order.PaidAmountFen, doc.TotalAmountFen);
        Assert.Equal(order.PaidAmountFen, doc.Lines.Sum(l => l.AmountFen));
        Assert.DoesNotContain(doc.Lines, l => l.IsFreight);
        Assert.Equal([9_900 + 437, 3_700 + 163, 0], doc.Lines.Select(l => l.AmountFen));
        Assert.True(doc.Lines[2].IsGift);
        Assert.Equal(600, doc.FreightFen);
    }

    [Fact]
    public void Charge_line_freight_is_its_own_line_on_the_profiles_material()
    {
        var order = PaidWithFreightAndDiscounts();

        var doc = OrderPlanner.Plan(order, Profile() with { Freight = ChargeLine }).Document!;

        Assert.Equal(order.PaidAmountFen, doc.TotalAmountFen);
        Assert.Equal(order.PaidAmountFen, doc.Lines.Sum(l => l.AmountFen));
        Assert.Equal([9_900, 3_700, 0, 600], doc.Lines.Select(l => l.AmountFen));
        var freight = Assert.Single(doc.Lines, l => l.IsFreight);
        Assert.Equal(("FREIGHT", "Pcs", 1, false, "CK001", OrderPlanner.FreightLineId), (freight.MaterialNumber, freight.UnitNumber, freight.Quantity, freight.IsGift, freight.WarehouseNumber, freight.PlatformLineId));
    }

    [Fact]
    public void An_order_without_freight_gets_no_freight_line()
    {
        var order = PaidWithFreightAndDiscounts() with { FreightFen = 0, PaidAmountFen = 13_600 };

        var doc = OrderPlanner.Plan(order, Profile() with { Freight = ChargeLine }).Document!;

        Assert.DoesNotContain(doc.Lines, l => l.IsFreight);
        Assert.Equal(13_600, doc.TotalAmountFen);
    }

    [Fact]
    public void Discounts_are_recorded_by_who_bears_them_on_the_document_and_in_its_note()
    {
        var doc = OrderPlanner.Plan(PaidWithFreightAndDiscounts(), Profile()).Document!;

        Assert.Equal((500L, 800L, 600L), (doc.MerchantDiscountFen, doc.PlatformSubsidyFen, doc.FreightFen));
        Assert.Equal("douyin order 6920000000000000001; freight 6.00; merchant discount 5.00; platform subsidy 8.00", doc.Note);
    }

    [Fact]
    public void Freight_with_only_gift_lines_to_carry_it_is_quarantined_with_the_reason()
    {
        var order = Order(Line("G1", "SKU-A", 1, 0, gift: true)) with { FreightFen = 600, PaidAmountFen = 600 };

        var plan = OrderPlanner.Plan(order, Profile());

        Assert.True(plan.IsQuarantined);
        Assert.Contains(plan.QuarantineReasons, r => r.Contains("freight 600 fen cannot be allocated", StringComparison.Ordinal));
        Assert.False(OrderPlanner.Plan(order, Profile() with { Freight = ChargeLine }).IsQuarantined);
    }

    [Fact]
    public void A_paid_line_the_mapping_turns_into_a_gift_would_lose_money_and_is_quarantined()
    {
        var order = Order(Line("L1", "SKU-A", 1, 1_000, gift: true)) with { PaidAmountFen = 1_000 };

        var plan = OrderPlanner.Plan(order, Profile());

        Assert.True(plan.IsQuarantined);
        Assert.Contains("the ERP order would total 0 fen but the buyer paid 1000 fen", plan.QuarantineReasons);
    }

    [Fact]
    public void A_charge_line_profile_needs_the_freight_material_and_unit()
    {
        var errors = ProfileValidator.Validate(Profile() with { Freight = new FreightMapping { Mode = FreightMode.ChargeLine } });

        Assert.Equal(["$.freight.materialNumber", "$.freight.unitNumber"], errors.Select(e => e.Path));
        Assert.Empty(ProfileValidator.Validate(Profile() with { Freight = ChargeLine }));
    }
}

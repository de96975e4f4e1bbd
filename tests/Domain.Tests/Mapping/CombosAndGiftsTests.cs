namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class CombosAndGiftsTests
{
    private static MappingProfile WithCombo(AllocationBasis? basis = null) => Profile() with
    {
        Combos = new Dictionary<string, ComboMapping>
        {
            // 组合装: one lipstick (list 99.00) + two masks (list 69.00 each).
            ["SKU-SET"] = new([new("MAT-LIP", "Pcs", 1, 9900), new("MAT-MASK", "Pcs", 2, 6900, "CK009")], basis),
        },
    };

    [Fact]
    public void A_combo_line_becomes_one_erp_line_per_component_with_amounts_by_list_price_that_sum_to_the_fen()
    {
        var order = Order(Line("L1", "SKU-SET", 3, 50001));

        var plan = OrderPlanner.Plan(order, WithCombo());

        var lines = plan.Document!.Lines;
        Assert.Equal(2, lines.Count);
        Assert.Equal(("MAT-LIP", 3), (lines[0].MaterialNumber, lines[0].Quantity));
        Assert.Equal(("MAT-MASK", 6, "CK009"), (lines[1].MaterialNumber, lines[1].Quantity, lines[1].WarehouseNumber));
        // Weights 9900 and 13800 of 23700: 50001 × 9900/23700 = 20886.07…, 50001 × 13800/23700 = 29114.92…
        Assert.Equal(20886, lines[0].AmountFen);
        Assert.Equal(29115, lines[1].AmountFen);
        Assert.Equal(50001, plan.Document.TotalAmountFen);
    }

    [Theory]
    [InlineData(AllocationBasis.Quantity, 3334, 6667)]
    [InlineData(AllocationBasis.Equal, 5001, 5000)]
    public void The_allocation_basis_can_be_chosen_per_combo(AllocationBasis basis, long lipstick, long masks)
    {
        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-SET", 1, 10001)), WithCombo(basis));

        Assert.Equal([lipstick, masks], plan.Document!.Lines.Select(l => l.AmountFen));
    }

    [Fact]
    public void A_gift_combo_gives_zero_amount_gift_lines()
    {
        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, 1000), Line("L2", "SKU-SET", 1, 0, gift: true)), WithCombo() with { });

        Assert.All(plan.Document!.Lines.Where(l => l.PlatformLineId == "L2"), l => Assert.True(l.IsGift && l.AmountFen == 0));
    }

    [Fact]
    public void A_zero_price_line_is_flagged_as_a_gift_even_when_the_platform_does_not_say_so()
    {
        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, 1000), Line("L2", "SKU-B", 1, 0)), Profile());

        Assert.True(plan.Document!.Lines.Single(l => l.PlatformLineId == "L2").IsGift);
        Assert.False(plan.Document.Lines.Single(l => l.PlatformLineId == "L1").IsGift);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    public void Gift_rules_scale_with_the_quantity_bought(int bought, int expectedGifts)
    {
        var profile = Profile() with { GiftRules = [new GiftRule("SKU-A", "MAT-SAMPLE", "Pcs", GiftQuantity: 1, PerQuantity: 2)] };

        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", bought, 1000L * bought)), profile);

        var gifts = plan.Document!.Lines.Where(l => l.MaterialNumber == "MAT-SAMPLE").ToList();
        Assert.Equal(expectedGifts, gifts.Sum(g => g.Quantity));
        Assert.All(gifts, g => Assert.True(g.IsGift && g.AmountFen == 0));
        Assert.Equal(1000L * bought, plan.Document.TotalAmountFen);
    }

    [Fact]
    public void Marketing_tags_go_to_the_erp_fields_the_profile_names()
    {
        var order = Order(Line("L1", "SKU-A", 1, 1000) with { AnchorId = "71000001", AnchorName = "主播小美", LiveRoomId = "730001" });
        var profile = Profile() with { CustomFieldMap = new Dictionary<string, string> { ["anchorName"] = "F_ABC_Anchor" } };

        var fields = OrderPlanner.Plan(order, profile).Document!.CustomFields;

        Assert.Equal("主播小美", fields["F_ABC_Anchor"]);
        Assert.Equal("71000001", fields["anchorId"]);
        Assert.Equal("730001", fields["liveRoomId"]);
        Assert.False(fields.ContainsKey("anchorName"));
    }
}

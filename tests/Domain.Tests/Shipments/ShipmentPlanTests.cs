using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Tests.Shipments;

public sealed class ShipmentPlanTests
{
    private static readonly MappingProfile Mapped = Profile() with
    {
        Carriers = new Dictionary<string, string> { ["SF"] = "shunfeng" },
        Combos = new Dictionary<string, ComboMapping> { ["SET"] = new([new("MAT-A", "Pcs", 2, 100), new("MAT-C", "Pcs", 1, 100)]) },
    };

    private static ErpShipment Shipment(string carrier = "SF", params ShippedGoods[] lines) =>
        new("OUT-1", "SO-1", carrier, "SF0001", DateTimeOffset.UnixEpoch, lines);

    [Fact]
    public void An_outbound_without_lines_or_with_every_unit_ships_the_whole_order_with_the_mapped_carrier()
    {
        var order = Order(Line("L1", "SKU-A", 2, 100), Line("L2", "SKU-B", 1, 100));

        var bare = ShipmentPlan.For(order, Mapped, Shipment());
        var full = ShipmentPlan.For(order, Mapped, Shipment("SF", new("MAT-A", 2), new("MAT-B", 1), new("MAT-FREIGHT", 1)));

        Assert.Equal((ShipmentStep.Whole, "shunfeng"), (bare.Step, bare.PlatformCarrier));
        Assert.Equal(ShipmentStep.Whole, full.Step);
        Assert.Equal([2, 1], full.Lines.Select(l => l.Quantity));
    }

    [Fact]
    public void Some_of_the_goods_ship_the_lines_they_cover_and_a_combo_needs_every_component()
    {
        var order = Order(Line("L1", "SKU-A", 3, 100), Line("L2", "SKU-B", 1, 100), Line("L3", "SET", 2, 100));

        var plan = ShipmentPlan.For(order, Mapped, Shipment("SF", new("MAT-A", 2 + 4), new("MAT-C", 1)));

        Assert.Equal(ShipmentStep.Partial, plan.Step);
        // MAT-A: 3 units to L1 first, 3 left make one combo with the one MAT-C.
        Assert.Equal([("L1", 3), ("L3", 1)], plan.Lines.Select(l => (l.Line.LineId, l.Quantity)));
    }

    [Fact]
    public void An_unmapped_carrier_waits_a_waybill_already_on_the_order_is_done_and_foreign_goods_ship_nothing()
    {
        var order = Order(Line("L1", "SKU-A", 1, 100));

        var unmapped = ShipmentPlan.For(order, Mapped, Shipment("YTO"));
        var there = ShipmentPlan.For(order with { TrackingNumbers = ["SF0001"] }, Mapped, Shipment("YTO"));
        var foreign = ShipmentPlan.For(order, Mapped, Shipment("SF", new ShippedGoods("MAT-Z", 1)));

        Assert.Equal(ShipmentStep.CarrierUnmapped, unmapped.Step);
        Assert.Equal("shipment carrier 'YTO' has no platform carrier code in the profile's carriers", unmapped.Reason);
        Assert.Equal(ShipmentStep.AlreadyOnPlatform, there.Step);
        Assert.Equal(ShipmentStep.NothingToShip, foreign.Step);
    }

    [Fact]
    public void The_profile_validator_wants_a_code_for_every_carrier_and_numbers_for_kuaishou()
    {
        var blank = Profile() with { Carriers = new Dictionary<string, string> { ["SF"] = " " } };
        var kuaishou = Profile() with { Platform = PlatformNames.Kuaishou, Carriers = new Dictionary<string, string> { ["SF"] = "shunfeng", ["ZTO"] = "9" } };

        Assert.Equal(["$.carriers['SF']"], ProfileValidator.Validate(blank).Select(e => e.Path));
        Assert.Equal(["快手 expressCode is a number"], ProfileValidator.Validate(kuaishou).Select(e => e.Reason));
    }

    [Fact]
    public void A_shipment_read_without_number_carrier_or_waybill_names_its_problems()
    {
        var bad = new ErpShipment("OUT-9", "", "", " ", DateTimeOffset.UnixEpoch, [new ShippedGoods("MAT-A", 0)]);

        Assert.Equal(4, bad.Problems().Count());
        Assert.Empty(Shipment().Problems());
    }
}

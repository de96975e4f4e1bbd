using ServerlessSync.Domain.Stock;

namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class StockFigureTests
{
    private static MappingProfile Profile(int defaultBuffer = 0, Dictionary<string, int>? buffers = null) => MappingTestData.Profile() with
    {
        Combos = new Dictionary<string, ComboMapping>
        {
            ["GIFT-BOX"] = new([new("MAT-A", "Pcs", 2, 100), new("MAT-B", "Pcs", 3, 100)]),
            ["TWIN-A"] = new([new("MAT-A", "Pcs", 1, 100), new("MAT-A", "Pcs", 1, 100)]),
        },
        StockPush = new StockPushSetting(true, defaultBuffer, buffers),
    };

    private static StockLevels Levels(decimal a, decimal b) => new(new Dictionary<string, decimal> { ["MAT-A"] = a, ["MAT-B"] = b });

    [Fact]
    public void A_single_sku_shows_its_whole_available_units_less_the_buffer()
    {
        var profile = Profile(defaultBuffer: 2, buffers: new() { ["SKU-B"] = 5 });

        Assert.Equal(7, StockFigure.ToPush(profile, "SKU-A", Levels(9.6m, 20)));
        Assert.Equal(15, StockFigure.ToPush(profile, "SKU-B", Levels(9.6m, 20)));
    }

    [Fact]
    public void A_buffer_larger_than_the_stock_pushes_zero_and_negative_erp_stock_is_zero()
    {
        var profile = Profile(defaultBuffer: 10);

        Assert.Equal(0, StockFigure.ToPush(profile, "SKU-A", Levels(4, 0)));
        Assert.Equal(0, StockFigure.ToPush(profile with { StockPush = new StockPushSetting(true) }, "SKU-B", Levels(4, -3)));
    }

    [Fact]
    public void A_combo_counts_the_fewest_whole_combos_its_components_make()
    {
        var profile = Profile(buffers: new() { ["GIFT-BOX"] = 1 });

        // MAT-A 9 / 2 = 4 boxes, MAT-B 10 / 3 = 3 boxes: 3, less a buffer of 1.
        Assert.Equal(3, StockFigure.Available(profile, "GIFT-BOX", Levels(9, 10)));
        Assert.Equal(2, StockFigure.ToPush(profile, "GIFT-BOX", Levels(9, 10)));
        Assert.Equal(0, StockFigure.ToPush(profile, "GIFT-BOX", Levels(9, 2)));
        Assert.Equal(4, StockFigure.Available(profile, "TWIN-A", Levels(9, 0)));
        Assert.Equal(["MAT-A", "MAT-B"], StockFigure.Materials(profile, "GIFT-BOX"));
    }

    [Fact]
    public void A_sku_is_found_by_its_id_first_then_its_merchant_code()
    {
        var profile = Profile();

        Assert.Equal("SKU-A", StockFigure.MapKeyOf(profile, "SKU-A", "SKU-B"));
        Assert.Equal("GIFT-BOX", StockFigure.MapKeyOf(profile, "1720000000000009", "GIFT-BOX"));
        Assert.Null(StockFigure.MapKeyOf(profile, "1720000000000009", "UNMAPPED"));
        Assert.Empty(StockFigure.Materials(profile, "UNMAPPED"));
    }

    [Fact]
    public void The_validator_refuses_negative_buffers_and_buffers_of_unmapped_skus()
    {
        var profile = Profile(defaultBuffer: -1, buffers: new() { ["SKU-A"] = -2, ["NOPE"] = 1, ["GIFT-BOX"] = 3 });

        var errors = ProfileValidator.Validate(profile);

        Assert.Equal(
            ["$.stockPush.buffers['NOPE']", "$.stockPush.buffers['SKU-A']", "$.stockPush.defaultBuffer"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Empty(ProfileValidator.Validate(Profile(defaultBuffer: 3, buffers: new() { ["GIFT-BOX"] = 0 })));
    }
}

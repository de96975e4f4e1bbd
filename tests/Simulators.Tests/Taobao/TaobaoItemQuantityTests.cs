namespace ServerlessSync.Simulators.Tests.Taobao;

/// <summary>taobao.item.quantity.update: full and incremental, required arguments, never below zero.</summary>
[Collection(TaobaoSimulatorCollection.Name)]
public sealed class TaobaoItemQuantityTests(TaobaoSimulatorFixture sim)
{
    private static readonly TaobaoSimCatalog.Item Item = TaobaoSimCatalog.Items[3];

    private TaobaoSimStock Stock => sim.Services.GetRequiredService<TaobaoSimStock>();

    private long Shown => Stock.Get(sim.Options.SellerNick, Item.SkuId).Stock;

    private static Dictionary<string, string> Args(string? quantity, string? type = null, string? skuId = null, string? numIid = null) =>
        new[] { ("num_iid", numIid ?? Item.NumIid), ("sku_id", skuId ?? Item.SkuId), ("quantity", quantity), ("type", type) }
            .Where(p => p.Item2 is not null)
            .ToDictionary(p => p.Item1, p => p.Item2!);

    [Fact]
    public async Task Full_sets_incremental_adds_and_neither_goes_below_zero()
    {
        var (_, set) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("20"));
        Assert.Contains("\"quantity\":20", set, StringComparison.Ordinal);
        await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("-5", type: "2"));
        Assert.Equal(15, Shown);

        var (_, below) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("-16", type: "2"));
        var (_, negativeFull) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("-1", type: "1"));

        Assert.Equal(TaobaoApiError.InvalidArguments, TaobaoSimulatorFixture.Error(below).Code);
        Assert.Equal(TaobaoApiError.InvalidArguments, TaobaoSimulatorFixture.Error(negativeFull).Code);
        Assert.Equal(15, Shown);
    }

    [Fact]
    public async Task Arguments_are_checked_and_a_sku_of_another_item_is_refused()
    {
        Stock.Set(sim.Options.SellerNick, Item.SkuId, 9);

        var (_, noQuantity) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args(null));
        var (_, badType) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("3", type: "3"));
        var (_, otherItem) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("3", numIid: TaobaoSimCatalog.Items[0].NumIid));
        var (_, badSign) = await sim.CallAsync(TaobaoMethods.ItemQuantityUpdate, Args("3"), secret: "wrong");

        Assert.Equal(TaobaoApiError.MissingRequiredArguments, TaobaoSimulatorFixture.Error(noQuantity).Code);
        Assert.Equal(TaobaoApiError.InvalidArguments, TaobaoSimulatorFixture.Error(badType).Code);
        Assert.Equal("isv.item-not-exist", TaobaoSimulatorFixture.Error(otherItem).SubCode);
        Assert.Equal(TaobaoApiError.InvalidSignature, TaobaoSimulatorFixture.Error(badSign).Code);
        Assert.Equal(9, Shown);
    }
}

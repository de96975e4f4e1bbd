namespace ServerlessSync.Simulators.Tests.Taobao;

[Collection(TaobaoSimulatorCollection.Name)]
public sealed class TaobaoMemoApiTests(TaobaoSimulatorFixture sim)
{
    private static Dictionary<string, string> Memo(string tid, string? memo = null, string? flag = null, string? reset = null) =>
        new[] { ("tid", tid), ("memo", memo), ("flag", flag), ("reset", reset) }
            .Where(p => p.Item2 is not null)
            .ToDictionary(p => p.Item1, p => p.Item2!);

    [Fact]
    public async Task Memo_add_works_once_and_a_second_add_is_refused_while_update_replaces_and_reset_clears()
    {
        var trade = sim.Store.CreateOrders(1).Single();

        var (_, added) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo(trade.Tid, "客服备注", flag: "1"));
        var (_, again) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo(trade.Tid, "第二次"));
        Assert.Contains("trade_memo_add_response", added, StringComparison.Ordinal);
        Assert.Equal((TaobaoApiError.RemoteServiceError, TaobaoMemoApis.MemoExistsSubCode), TaobaoSimulatorFixture.Error(again));
        Assert.Equal(("客服备注", 1), (sim.Store.Find(trade.Tid)!.SellerMemo, sim.Store.Find(trade.Tid)!.SellerFlag));

        await sim.CallAsync(TaobaoMethods.TradeMemoUpdate, Memo(trade.Tid, "客服备注 ERP:SO-1"));
        Assert.Equal("客服备注 ERP:SO-1", sim.Store.Find(trade.Tid)!.SellerMemo);
        await sim.CallAsync(TaobaoMethods.TradeMemoUpdate, Memo(trade.Tid, flag: "3"));
        Assert.Equal(("客服备注 ERP:SO-1", 3), (sim.Store.Find(trade.Tid)!.SellerMemo, sim.Store.Find(trade.Tid)!.SellerFlag));
        await sim.CallAsync(TaobaoMethods.TradeMemoUpdate, Memo(trade.Tid, reset: "true"));
        Assert.Null(sim.Store.Find(trade.Tid)!.SellerMemo);
    }

    [Fact]
    public async Task Memo_limits_and_arguments_are_checked()
    {
        var trade = sim.Store.CreateOrders(1).Single();

        var (_, tooLong) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo(trade.Tid, new string('备', 334)));
        var (_, noMemo) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo(trade.Tid));
        var (_, badFlag) = await sim.CallAsync(TaobaoMethods.TradeMemoUpdate, Memo(trade.Tid, "x", flag: "6"));
        var (_, unknown) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo("1999999999999", "x"));
        var (_, badSign) = await sim.CallAsync(TaobaoMethods.TradeMemoAdd, Memo(trade.Tid, "x"), secret: "wrong");

        Assert.Equal(TaobaoApiError.InvalidArguments, TaobaoSimulatorFixture.Error(tooLong).Code);
        Assert.Equal(TaobaoApiError.MissingRequiredArguments, TaobaoSimulatorFixture.Error(noMemo).Code);
        Assert.Equal(TaobaoApiError.InvalidArguments, TaobaoSimulatorFixture.Error(badFlag).Code);
        Assert.Equal("isv.trade-not-exist", TaobaoSimulatorFixture.Error(unknown).SubCode);
        Assert.Equal(TaobaoApiError.InvalidSignature, TaobaoSimulatorFixture.Error(badSign).Code);
        Assert.Null(sim.Store.Find(trade.Tid)!.SellerMemo);
        Assert.False(sim.Store.Find(trade.Tid)!.MemoAdded);
    }
}

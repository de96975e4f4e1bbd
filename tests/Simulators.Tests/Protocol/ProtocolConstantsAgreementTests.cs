namespace ServerlessSync.Simulators.Tests.Protocol;

/// <summary>
/// The simulators declare the platforms' protocol facts themselves (they do not reference src/); the hub declares its
/// own. Both were written from the published docs, so any disagreement is a bug on one side, found here.
/// </summary>
public sealed class ProtocolConstantsAgreementTests
{
    public static TheoryData<string, string, string> Names => new()
    {
        { "douyin tag 100", DouyinSimPushTags.TradeCreated, DouyinPushTags.TradeCreated },
        { "douyin tag 101", DouyinSimPushTags.TradePaid, DouyinPushTags.TradePaid },
        { "douyin tag 102", DouyinSimPushTags.TradeShipped, DouyinPushTags.TradeShipped },
        { "douyin tag 103", DouyinSimPushTags.TradeSuccess, DouyinPushTags.TradeSuccess },
        { "douyin tag 106", DouyinSimPushTags.TradeCanceled, DouyinPushTags.TradeCanceled },
        { "douyin tag 109", DouyinSimPushTags.TradeAmountChanged, DouyinPushTags.TradeAmountChanged },
        { "douyin tag 110", DouyinSimPushTags.TradePending, DouyinPushTags.TradePending },
        { "douyin tag 200", DouyinSimPushTags.RefundCreated, DouyinPushTags.RefundCreated },
        { "douyin tag 201", DouyinSimPushTags.RefundAgreed, DouyinPushTags.RefundAgreed },
        { "douyin tag 206", DouyinSimPushTags.RefundSuccess, DouyinPushTags.RefundSuccess },
        { "douyin verification", DouyinSimPushTags.Verification, DouyinPushTags.Verification },
        { "douyin sign header", DouyinSimPushAck.SignHeader, DouyinPushAck.SignHeader },
        { "douyin app-id header", DouyinSimPushAck.AppIdHeader, DouyinPushAck.AppIdHeader },
        { "douyin throttled", DouyinSimApiError.ThrottledSubCode, DouyinApiError.ThrottledSubCode },
        { "kuaishou detail", KuaishouSimApiMethods.OrderDetail, KuaishouApiMethods.OrderDetail },
        { "kuaishou list", KuaishouSimApiMethods.OrderCursorList, KuaishouApiMethods.OrderCursorList },
        { "kuaishou note", KuaishouSimApiMethods.SellerNoteAdd, KuaishouApiMethods.SellerNoteAdd },
        { "kuaishou deliver", KuaishouSimApiMethods.GoodsDeliver, KuaishouApiMethods.GoodsDeliver },
        { "kuaishou split deliver", KuaishouSimApiMethods.SplitDeliver, KuaishouApiMethods.SplitDeliver },
        { "kuaishou sku list", KuaishouSimApiMethods.SkuListGet, KuaishouApiMethods.SkuListGet },
        { "kuaishou stock update", KuaishouSimApiMethods.SkuStockUpdate, KuaishouApiMethods.SkuStockUpdate },
        { "kuaishou no more", KuaishouSimCursorList.NoMoreCursor, KuaishouCursorListQuery.NoMoreCursor },
        { "kuaishou added", KuaishouSimPushEvents.OrderAdded, KuaishouPushEvents.OrderAdded },
        { "kuaishou paid", KuaishouSimPushEvents.OrderPaid, KuaishouPushEvents.OrderPaid },
        { "kuaishou delivering", KuaishouSimPushEvents.OrderDelivering, KuaishouPushEvents.OrderDelivering },
        { "kuaishou delivered", KuaishouSimPushEvents.OrderDelivered, KuaishouPushEvents.OrderDelivered },
        { "kuaishou success", KuaishouSimPushEvents.OrderSuccess, KuaishouPushEvents.OrderSuccess },
        { "kuaishou fail", KuaishouSimPushEvents.OrderFail, KuaishouPushEvents.OrderFail },
        { "kuaishou fee", KuaishouSimPushEvents.OrderFeeChanged, KuaishouPushEvents.OrderFeeChanged },
        { "kuaishou refund added", KuaishouSimPushEvents.RefundAdded, KuaishouPushEvents.RefundAdded },
        { "kuaishou refund updated", KuaishouSimPushEvents.RefundUpdated, KuaishouPushEvents.RefundUpdated },
        { "taobao fullinfo", TaobaoSimMethods.TradeFullInfoGet, TaobaoMethods.TradeFullInfoGet },
        { "taobao increment", TaobaoSimMethods.TradesSoldIncrementGet, TaobaoMethods.TradesSoldIncrementGet },
        { "taobao memo add", TaobaoSimMethods.TradeMemoAdd, TaobaoMethods.TradeMemoAdd },
        { "taobao memo update", TaobaoSimMethods.TradeMemoUpdate, TaobaoMethods.TradeMemoUpdate },
        { "taobao offline send", TaobaoSimMethods.LogisticsOfflineSend, TaobaoMethods.LogisticsOfflineSend },
        { "taobao quantity", TaobaoSimMethods.ItemQuantityUpdate, TaobaoMethods.ItemQuantityUpdate },
        { "taobao v", TaobaoSimMethods.ApiVersion, TaobaoTopRequest.ApiVersion },
        { "taobao format", TaobaoSimMethods.Format, TaobaoTopRequest.Format },
        { "taobao time format", TaobaoSimTime.Format, TaobaoTime.Format },
        { "wechat new", WeChatSimPushEvents.OrderNew, WeChatPushEvents.OrderNew },
        { "wechat pay", WeChatSimPushEvents.OrderPay, WeChatPushEvents.OrderPay },
        { "wechat cancel", WeChatSimPushEvents.OrderCancel, WeChatPushEvents.OrderCancel },
        { "wechat deliver", WeChatSimPushEvents.OrderDeliver, WeChatPushEvents.OrderDeliver },
        { "wechat confirm", WeChatSimPushEvents.OrderConfirm, WeChatPushEvents.OrderConfirm },
        { "wechat after-sale", WeChatSimPushEvents.AfterSaleUpdate, WeChatPushEvents.AfterSaleUpdate },
        { "wechat order field", WeChatSimPushEvents.OrderInfoField, WeChatPushEvents.OrderInfoField },
        { "wechat after-sale field", WeChatSimPushEvents.AfterSaleField, WeChatPushEvents.AfterSaleField },
        { "wechat stock get", WeChatStockEndpoints.GetPath, WeChatApiPaths.StockGet },
        { "wechat stock update", WeChatStockEndpoints.UpdatePath, WeChatApiPaths.StockUpdate },
    };

    public static TheoryData<string, long, long> Numbers => new()
    {
        { "kuaishou success", KuaishouSimApiError.SuccessResult, KuaishouApiError.SuccessResult },
        { "kuaishou throttled", KuaishouSimApiError.ThrottledResult, KuaishouApiError.ThrottledResult },
        { "kuaishou page size", KuaishouSimCursorList.MaxPageSize, KuaishouCursorListQuery.MaxPageSize },
        { "kuaishou window days", (long)KuaishouSimCursorList.MaxWindow.TotalDays, (long)KuaishouCursorListQuery.MaxWindow.TotalDays },
        { "kuaishou look-back days", (long)KuaishouSimCursorList.MaxLookBack.TotalDays, (long)KuaishouCursorListQuery.MaxLookBack.TotalDays },
        { "kuaishou max stock", KuaishouSimStockLimits.MaxStock, KuaishouSkuStock.MaxStock },
        { "kuaishou add", KuaishouSimStockLimits.ChangeTypeAdd, KuaishouSkuStock.ChangeTypeAdd },
        { "kuaishou subtract", KuaishouSimStockLimits.ChangeTypeSubtract, KuaishouSkuStock.ChangeTypeSubtract },
        { "taobao memo bytes", TaobaoSimMethods.MaxMemoBytes, TaobaoMethods.MaxMemoBytes },
        { "taobao page size", TaobaoSimMethods.MaxIncrementPageSize, TaobaoIncrementQuery.MaxPageSize },
        { "taobao span hours", (long)TaobaoSimMethods.MaxIncrementSpan.TotalHours, (long)TaobaoIncrementQuery.MaxSpan.TotalHours },
        { "taobao app call limited", TaobaoSimApiError.AppCallLimited, TaobaoApiError.AppCallLimited },
        { "taobao invalid signature", TaobaoSimApiError.InvalidSignature, TaobaoApiError.InvalidSignature },
        { "taobao invalid session", TaobaoSimApiError.InvalidSession, TaobaoApiError.InvalidSession },
        { "taobao remote service", TaobaoSimApiError.RemoteServiceError, TaobaoApiError.RemoteServiceError },
        { "wechat add", WeChatSimStockDiff.DiffAdd, WeChatStock.DiffAdd },
        { "wechat subtract", WeChatSimStockDiff.DiffSubtract, WeChatStock.DiffSubtract },
        { "wechat set", WeChatSimStockDiff.DiffSet, WeChatStock.DiffSet },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void The_simulator_and_the_hub_name_the_same_thing_alike(string what, string simulator, string hub) =>
        Assert.True(simulator == hub, $"{what}: simulator '{simulator}', hub '{hub}'");

    [Theory]
    [MemberData(nameof(Numbers))]
    public void The_simulator_and_the_hub_agree_on_the_same_number(string what, long simulator, long hub) =>
        Assert.True(simulator == hub, $"{what}: simulator {simulator}, hub {hub}");

    [Fact]
    public void Taobao_times_and_money_read_and_write_as_the_documentation_shows_on_both_sides()
    {
        var utc = new DateTimeOffset(2026, 3, 1, 16, 30, 5, TimeSpan.Zero);

        Assert.Equal("2026-03-02 00:30:05", TaobaoSimTime.ToText(utc));
        Assert.Equal("2026-03-02 00:30:05", TaobaoTime.ToText(utc));
        Assert.True(TaobaoSimTime.TryParse("2026-03-02 00:30:05", out var parsed));
        Assert.Equal(utc, parsed);
        Assert.False(TaobaoSimTime.TryParse("2026-03-02T00:30:05", out _));
        Assert.True(TaobaoSimTime.IsFresh("2026-03-02 00:35:05", utc, TimeSpan.FromMinutes(10)));
        Assert.False(TaobaoSimTime.IsFresh("2026-03-02 00:41:05", utc, TimeSpan.FromMinutes(10)));
        Assert.Equal(["0.10", "1999.00", "-5.00"], new[] { 10L, 199_900L, -500L }.Select(TaobaoSimMoney.ToYuan));
        Assert.Equal(["0.10", "1999.00", "-5.00"], new[] { 10L, 199_900L, -500L }.Select(TaobaoMoney.ToYuan));
    }
}

namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>taobao.trade.memo.add and .update against the simulator, which checks the TOP signature, the 1000-byte limit and a second add.</summary>
public sealed class TaobaoSellerNoteWriterTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private TaobaoSellerNoteWriter Writer(Action<TaobaoOptions>? configure = null) => new(http, sim.AdapterOptions(configure));

    private static OrderKey Key(TaobaoSimOrder trade) => new(PlatformNames.Taobao, trade.SellerNick, trade.Tid);

    [Fact]
    public async Task A_trade_without_a_memo_gets_one_by_add_and_fullinfo_reads_it_back()
    {
        var trade = sim.Store.CreateOrders(1).Single();

        await Writer().WriteAsync(Key(trade), null, "ERP:SO-0004", CancellationToken.None);

        var stored = sim.Store.Find(trade.Tid)!;
        Assert.Equal(("ERP:SO-0004", true), (stored.SellerMemo, stored.MemoAdded));
        var order = await new TaobaoOrderClient(http, sim.AdapterOptions()).GetOrderAsync(Key(trade), CancellationToken.None);
        Assert.Equal("ERP:SO-0004", order.SellerNote);
    }

    [Fact]
    public async Task A_second_add_is_refused_by_the_platform_and_the_writer_updates_instead()
    {
        var trade = sim.Store.CreateOrders(1).Single();
        sim.Store.SetMemo(trade.Tid, t => t with { SellerMemo = "客服备注", MemoAdded = true });

        // A person cleared their memo after adding it: the trade shows none, yet add cannot be called again.
        sim.Store.SetMemo(trade.Tid, t => t with { SellerMemo = null });
        await Writer().WriteAsync(Key(trade), null, "ERP:SO-0005", CancellationToken.None);
        Assert.Equal("ERP:SO-0005", sim.Store.Find(trade.Tid)!.SellerMemo);

        await Writer().WriteAsync(Key(trade), "ERP:SO-0005", "ERP:SO-0005 改", CancellationToken.None);
        Assert.Equal("ERP:SO-0005 改", sim.Store.Find(trade.Tid)!.SellerMemo);
    }

    [Fact]
    public async Task A_memo_over_1000_bytes_and_a_wrong_secret_are_refused()
    {
        var trade = sim.Store.CreateOrders(1).Single();
        var writer = Writer();
        Assert.Equal((1000, true), (writer.Limit.MaxLength, writer.Limit.InUtf8Bytes));

        var tooLong = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.WriteAsync(Key(trade), "有", new string('备', 334), CancellationToken.None)); // 1002 bytes
        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Writer(o => o.AppSecret = "wrong").WriteAsync(Key(trade), "有", "ERP:SO-1", CancellationToken.None));

        Assert.Contains($"code {TaobaoApiError.InvalidArguments}", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains($"code {TaobaoApiError.InvalidSignature}", badSign.Message, StringComparison.Ordinal);
        Assert.Null(sim.Store.Find(trade.Tid)!.SellerMemo);
    }
}

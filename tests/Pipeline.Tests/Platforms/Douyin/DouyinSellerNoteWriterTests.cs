namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>order.addOrderRemark against the simulator, which checks the signature, the parameters and the 60-character limit.</summary>
public sealed class DouyinSellerNoteWriterTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private IOptions<DouyinApiOptions> Settings(string? secret = null) => sim.ApiOptions(secret);

    private DouyinSellerNoteWriter Writer(string? secret = null) => new(http, Settings(secret));

    private static OrderKey Key(DouyinSimOrder order) => new(PlatformNames.Douyin, order.ShopId, order.OrderId);

    [Fact]
    public async Task The_remark_becomes_the_orders_seller_words_and_order_detail_reads_it_back()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        await Writer().WriteAsync(Key(stored), null, "送红色礼盒 ERP:SO-0001", CancellationToken.None);

        Assert.Equal("送红色礼盒 ERP:SO-0001", sim.Store.Find(stored.OrderId)!.SellerWords);
        var order = await new DouyinOrderClient(http, Settings()).GetOrderAsync(Key(stored), CancellationToken.None);
        Assert.Equal("送红色礼盒 ERP:SO-0001", order.SellerNote);
    }

    [Fact]
    public async Task A_remark_over_60_characters_is_refused_and_the_note_is_unchanged()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var writer = Writer();
        Assert.Equal(60, writer.Limit.MaxLength);

        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.WriteAsync(Key(stored), null, new string('备', 61), CancellationToken.None));
        await writer.WriteAsync(Key(stored), null, new string('备', 60), CancellationToken.None);

        Assert.Contains("40003", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new string('备', 60), sim.Store.Find(stored.OrderId)!.SellerWords);
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_signature_check_and_an_unknown_order_is_a_request_error()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Writer(secret: "wrong").WriteAsync(Key(stored), null, "ERP:SO-1", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Writer().WriteAsync(Key(stored) with { OrderId = "6900000000000000009" }, null, "ERP:SO-1", CancellationToken.None));

        Assert.Contains("isv.signature-invalid", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("50002", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("", sim.Store.Find(stored.OrderId)!.SellerWords);
    }
}

namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

/// <summary>open.seller.order.note.add against the simulator, which checks the signature, the parameters and the 200-character limit.</summary>
public sealed class KuaishouSellerNoteWriterTests(KuaishouSimulatorHostFixture sim) : IClassFixture<KuaishouSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private KuaishouSellerNoteWriter Writer(string? signSecret = null, string signMethod = "HMAC_SHA256") => new(http, sim.ClientOptions(signSecret, signMethod: signMethod));

    private static OrderKey Key(KuaishouSimOrder order) => new(PlatformNames.Kuaishou, order.SellerId, order.Oid);

    [Theory]
    [InlineData("HMAC_SHA256")]
    [InlineData("MD5")]
    public async Task The_note_is_added_beside_a_persons_note_and_order_detail_lists_both(string signMethod)
    {
        var stored = sim.Store.CreateOrders(1).Single();
        sim.Store.AddNote(stored.Oid, "客户要求周末送达", 1, "客服小王");

        await Writer(signMethod: signMethod).WriteAsync(Key(stored), "客户要求周末送达", "ERP:SO-0002", CancellationToken.None);

        Assert.Equal(["客户要求周末送达", "ERP:SO-0002"], sim.Store.Find(stored.Oid)!.Notes.Select(n => n.Note));
        var order = await new KuaishouOrderClient(http, sim.ClientOptions()).GetOrderAsync(Key(stored), CancellationToken.None);
        Assert.Equal("ERP:SO-0002\n客户要求周末送达", order.SellerNote);
        Assert.True(Writer().Limit.Appends);
    }

    [Fact]
    public async Task A_note_over_200_characters_is_refused()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => Writer().WriteAsync(Key(stored), null, new string('注', 201), CancellationToken.None));
        await Writer().WriteAsync(Key(stored), null, new string('注', 200), CancellationToken.None);

        Assert.Contains($"result {ServerlessSync.Domain.Platforms.Kuaishou.KuaishouApiError.ParameterInvalidResult}", refused.Message, StringComparison.Ordinal);
        Assert.Single(sim.Store.Find(stored.Oid)!.Notes);
    }

    [Fact]
    public async Task A_wrong_sign_secret_and_an_unknown_order_are_request_errors_and_nothing_is_added()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Writer(signSecret: "wrong").WriteAsync(Key(stored), null, "ERP:SO-1", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Writer().WriteAsync(Key(stored) with { OrderId = "1999999999999999" }, null, "ERP:SO-1", CancellationToken.None));

        Assert.Contains("SIGN_INVALID", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("ORDER_NOT_EXIST", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Store.Find(stored.Oid)!.Notes);
    }
}

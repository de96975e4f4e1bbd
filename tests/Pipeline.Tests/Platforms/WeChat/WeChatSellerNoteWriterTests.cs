using ServerlessSync.Domain.Platforms.SellerNotes;

namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

/// <summary>merchantnotes/update against the simulator, which checks the access token and the body and replaces the notes.</summary>
public sealed class WeChatSellerNoteWriterTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    private static OrderKey Key(WeChatSimOrder order) => new(PlatformNames.WeChat, WeChatSimulatorHostFixture.ShopId, order.OrderId);

    [Fact]
    public async Task The_notes_are_replaced_and_order_get_reads_them_back_so_the_hub_sends_the_persons_text_with_ours()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        sim.Store.SetMerchantNotes(stored.OrderId, "顾客要发票", TimeSpan.Zero);
        var writer = new WeChatSellerNoteWriter(sim.Api());
        var before = await sim.Client().GetOrderAsync(Key(stored), CancellationToken.None);
        var plan = SellerNotePlan.For(before.SellerNote, "ERP:SO-0003", writer.Limit);

        await writer.WriteAsync(Key(stored), before.SellerNote, plan.Text!, CancellationToken.None);

        Assert.Equal("顾客要发票 ERP:SO-0003", sim.Store.Find(stored.OrderId)!.MerchantNotes);
        Assert.Equal("顾客要发票 ERP:SO-0003", (await sim.Client().GetOrderAsync(Key(stored), CancellationToken.None)).SellerNote);
    }

    [Fact]
    public async Task An_unknown_order_is_a_request_error_and_updating_too_often_is_transient()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var writer = new WeChatSellerNoteWriter(sim.Api());

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.WriteAsync(Key(stored) with { OrderId = "3700000000000000001" }, null, "ERP:SO-1", CancellationToken.None));
        try
        {
            sim.Options.MerchantNotesMinIntervalMs = 60_000;
            await writer.WriteAsync(Key(stored), null, "ERP:SO-1", CancellationToken.None);
            var tooOften = await Assert.ThrowsAsync<PlatformTransientException>(() => writer.WriteAsync(Key(stored), null, "ERP:SO-2", CancellationToken.None));
            Assert.Contains("100003", tooOften.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.MerchantNotesMinIntervalMs = 0;
        }

        Assert.Contains("100002", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("ERP:SO-1", sim.Store.Find(stored.OrderId)!.MerchantNotes);
    }

    [Fact]
    public async Task A_wrong_fixed_access_token_is_refused()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var settings = sim.Settings(new ServerlessSync.Pipeline.Platforms.PlatformShopSettings { AccessToken = "not-issued" });

        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => new WeChatSellerNoteWriter(sim.Api(settings)).WriteAsync(Key(stored), null, "ERP:SO-1", CancellationToken.None));

        Assert.Contains("40001", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", sim.Store.Find(stored.OrderId)!.MerchantNotes);
    }
}

namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>
/// What every platform adapter must do, written once and run against each platform's simulator (one small
/// <see cref="PlatformContract"/> per platform). The exact protocol of each platform (signatures, field names, error codes)
/// is tested beside its adapter.
/// </summary>
public abstract class PlatformContractTests<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected TPlatform Platform => platform;

    [Fact]
    public async Task Registration_exposes_each_port_of_the_platform_once()
    {
        await using var services = platform.Services();

        Assert.Equal(platform.Platform, platform.Port<IPlatformOrderClient>(services).Platform);
        Assert.Equal(platform.Platform, platform.Port<IPlatformOrderLister>(services).Platform);
        Assert.Equal(platform.Platform, platform.Port<IPlatformSellerNoteWriter>(services).Platform);
        Assert.Equal(platform.Platform, platform.Port<IPlatformShipmentSender>(services).Platform);
        Assert.Equal(platform.Platform, platform.Port<IPlatformStockWriter>(services).Platform);
        Assert.Equal(platform is PushContract, services.GetServices<IWebhookAdapter>().Any(a => a.Platform == platform.Platform));
    }

    [Fact]
    public async Task The_order_client_fetches_and_parses_an_order_from_the_simulator()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();

        var order = await platform.Port<IPlatformOrderClient>(services).GetOrderAsync(stored.Key, None);

        Assert.Equal(stored.Key, order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(stored.PaidFen, order.PaidAmountFen);
        Assert.NotEmpty(order.Lines);
    }

    [Fact]
    public async Task Throttling_http_500_and_an_unreachable_gateway_are_transient()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        var client = platform.Port<IPlatformOrderClient>(services);

        using (platform.Faults(throttleRate: 1, apiFailureRate: 0))
        {
            var throttled = await Assert.ThrowsAsync<PlatformTransientException>(() => client.GetOrderAsync(stored.Key, None));
            Assert.Contains(platform.Facts.ThrottleCode, throttled.Message, StringComparison.Ordinal);
        }

        using (platform.Faults(throttleRate: 0, apiFailureRate: 1))
        {
            await Assert.ThrowsAsync<PlatformTransientException>(() => client.GetOrderAsync(stored.Key, None));
        }

        await using var unreachable = platform.UnreachableServices();
        await Assert.ThrowsAsync<PlatformTransientException>(() => platform.Port<IPlatformOrderClient>(unreachable).GetOrderAsync(stored.Key, None));
    }

    [Fact]
    public async Task An_unknown_order_and_a_refused_credential_are_request_errors_without_buyer_data_or_secrets()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        await using var wrongCredential = platform.Services((platform.Facts.CredentialSetting, "wrong-secret"));

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            platform.Port<IPlatformOrderClient>(services).GetOrderAsync(stored.Key with { OrderId = platform.Facts.UnknownOrder.OrderId }, None));
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => platform.Port<IPlatformOrderClient>(wrongCredential).GetOrderAsync(stored.Key, None));

        Assert.Contains(platform.Facts.UnknownOrder.Code, unknown.Message, StringComparison.Ordinal);
        Assert.Contains(platform.Facts.CredentialRefusal, refused.Message, StringComparison.Ordinal);
        foreach (var message in new[] { unknown.Message, refused.Message })
        {
            Assert.DoesNotContain(stored.BuyerName, message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-secret", message, StringComparison.Ordinal);
            Assert.All(platform.Secrets(), secret => Assert.DoesNotContain(secret, message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_lister_pages_a_window_within_the_documented_limits_and_lists_a_changed_order_once()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        var lister = platform.Port<IPlatformOrderLister>(services);
        var updated = (await platform.Port<IPlatformOrderClient>(services).GetOrderAsync(stored.Key, None)).UpdatedAt;
        var (from, to) = (updated.AddMinutes(-1), updated.AddMinutes(1));

        var listed = new List<ChangedOrder>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await lister.ListChangedAsync(stored.Key.ShopId, from, to, cursor, None);
            Assert.InRange(page.Orders.Count, 0, platform.Facts.MaxPageSize);
            listed.AddRange(page.Orders);
            cursor = page.NextCursor;
        }
        while (cursor is not null && ++pages < 50);

        Assert.Null(cursor);
        Assert.Single(listed, o => o.OrderId == stored.Key.OrderId);
        Assert.Equal(platform.Facts.MaxWindow, lister.MaxWindow);
    }

    [Fact]
    public async Task A_window_over_the_documented_limit_is_refused_before_any_call()
    {
        await using var unreachable = platform.UnreachableServices();
        var lister = platform.Port<IPlatformOrderLister>(unreachable);
        var to = DateTimeOffset.UtcNow.AddMinutes(-5);

        var refused = await Record.ExceptionAsync(() =>
            lister.ListChangedAsync(platform.StockSku.ShopId, to - platform.Facts.MaxWindow - TimeSpan.FromSeconds(1), to, null, None));

        // A call would have failed as transient: the gateway is unreachable.
        Assert.True(refused is ArgumentException or PlatformRequestException, $"refused with {refused?.GetType().Name ?? "nothing"}");
    }

    [Fact]
    public async Task The_seller_note_writer_writes_the_note_once_and_a_refused_credential_changes_nothing()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        await using var wrongCredential = platform.Services((platform.Facts.CredentialSetting, "wrong-secret"));
        var client = platform.Port<IPlatformOrderClient>(services);

        await platform.Port<IPlatformSellerNoteWriter>(services).WriteAsync(stored.Key, null, "ERP:SO-C001", None);
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            platform.Port<IPlatformSellerNoteWriter>(wrongCredential).WriteAsync(stored.Key, "ERP:SO-C001", "ERP:SO-C002", None));

        Assert.Contains(platform.Facts.CredentialRefusal, refused.Message, StringComparison.Ordinal);
        Assert.Equal("ERP:SO-C001", (await client.GetOrderAsync(stored.Key, None)).SellerNote);
    }

    [Fact]
    public async Task The_shipment_sender_ships_a_whole_order_once_and_a_second_shipment_is_refused()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        var sender = platform.Port<IPlatformShipmentSender>(services);

        await sender.SendAsync(new PlatformShipment(stored.Key, platform.Facts.Carrier, "SF700000000001", null, stored.Key.OrderId + "-C1"), None);
        await Assert.ThrowsAsync<PlatformRequestException>(() =>
            sender.SendAsync(new PlatformShipment(stored.Key, platform.Facts.Carrier, "SF700000000002", null, stored.Key.OrderId + "-C2"), None));

        var order = await platform.Port<IPlatformOrderClient>(services).GetOrderAsync(stored.Key, None);
        Assert.Equal(["SF700000000001"], order.TrackingNumbers);
    }

    [Fact]
    public async Task The_stock_writer_sets_the_figure_a_repeat_keeps_it_and_a_negative_figure_is_never_sent()
    {
        await using var services = platform.Services();
        var writer = platform.Port<IPlatformStockWriter>(services);
        var (shop, sku) = platform.StockSku;

        Assert.Equal(37, await writer.SetStockAsync(shop, sku, 37, None));
        Assert.Equal(37, await writer.SetStockAsync(shop, sku, 37, None));
        Assert.Equal(37, platform.ShownStock());
        Assert.Equal(0, await writer.SetStockAsync(shop, sku, 0, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.SetStockAsync(shop, sku, -1, None));

        Assert.Equal(0, platform.ShownStock());
    }

    [Fact]
    public async Task Throttled_writes_are_transient_and_change_nothing()
    {
        var stored = platform.NewOrder();
        await using var services = platform.Services();
        var (shop, sku) = platform.StockSku;
        var shown = platform.ShownStock();

        using (platform.Faults(throttleRate: 1, apiFailureRate: 0))
        {
            await Assert.ThrowsAsync<PlatformTransientException>(() => platform.Port<IPlatformSellerNoteWriter>(services).WriteAsync(stored.Key, null, "ERP:SO-T1", None));
            await Assert.ThrowsAsync<PlatformTransientException>(() =>
                platform.Port<IPlatformShipmentSender>(services).SendAsync(new PlatformShipment(stored.Key, platform.Facts.Carrier, "SF700000000003", null, stored.Key.OrderId + "-T1"), None));
            await Assert.ThrowsAsync<PlatformTransientException>(() => platform.Port<IPlatformStockWriter>(services).SetStockAsync(shop, sku, shown + 5, None));
        }

        var order = await platform.Port<IPlatformOrderClient>(services).GetOrderAsync(stored.Key, None);
        Assert.True(string.IsNullOrEmpty(order.SellerNote));
        Assert.Empty(order.TrackingNumbers);
        Assert.Equal(shown, platform.ShownStock());
    }
}

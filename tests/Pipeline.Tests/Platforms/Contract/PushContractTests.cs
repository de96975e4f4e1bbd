namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>
/// What every platform's webhook must do, through the real <see cref="WebhookHandler"/>, group committer and intake queue
/// on Azurite, with the adapters as the hosts register them. Each platform's own push protocol is tested beside it.
/// </summary>
public abstract class PushContractTests<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PushContract
{
    [Fact]
    public async Task A_valid_push_is_acked_in_the_platforms_format_and_queued_as_the_orders_event()
    {
        await using var services = platform.Services();
        var (storage, handler, adapter) = await WebhookAsync(services);
        var order = platform.NewOrder();

        var reply = await handler.HandleAsync(platform.Platform, platform.Push(order), CancellationToken.None);

        Assert.Equal(adapter.Ack(), reply);
        var queued = Assert.Single(await QueuedAsync(storage));
        Assert.Equal((platform.Platform, order.Key.ShopId, order.Key.OrderId), (queued.Platform, queued.ShopId, queued.OrderId));
    }

    [Fact]
    public async Task A_forged_push_is_refused_with_a_clear_error_and_leaves_nothing_behind()
    {
        await using var services = platform.Services();
        var (storage, handler, _) = await WebhookAsync(services);
        var order = platform.NewOrder();

        var reply = await handler.HandleAsync(platform.Platform, platform.ForgedPush(order), CancellationToken.None);

        Assert.Equal(401, reply.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(reply.Body));
        Assert.Empty(await QueuedAsync(storage));
        Assert.Empty(await IntakeTestKit.BodyBlobsAsync(storage));
        Assert.Equal(0, await IntakeTestKit.Inbox(storage).CountAsync(platform.Platform, order.Key.ShopId, order.Key.OrderId, CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_or_oversized_body_is_refused_and_leaves_nothing_behind()
    {
        await using var services = platform.Services();
        var (storage, handler, _) = await WebhookAsync(services);
        var order = platform.NewOrder();

        var malformed = await handler.HandleAsync(platform.Platform, platform.MalformedPush(order), CancellationToken.None);
        var oversized = await handler.HandleAsync(platform.Platform, platform.Push(order) with { BodyTooLarge = true }, CancellationToken.None);

        Assert.Equal(400, malformed.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(malformed.Body));
        Assert.Equal(413, oversized.StatusCode);
        Assert.Empty(await QueuedAsync(storage));
    }

    private async Task<(StorageClients Storage, WebhookHandler Handler, IWebhookAdapter Adapter)> WebhookAsync(IServiceProvider services)
    {
        var storage = await CoreStorage.CreateAsync();
        var adapters = services.GetServices<IWebhookAdapter>().ToList();
        return (storage, IntakeTestKit.Webhook(storage, adapters, IntakeTestKit.Committer(storage)), platform.Port<IWebhookAdapter>(services));
    }

    private static async Task<List<IntakeMessage>> QueuedAsync(StorageClients storage) =>
        await IntakeTestKit.PeekEventsAsync(await storage.QueueAsync(storage.IntakeQueueName));
}

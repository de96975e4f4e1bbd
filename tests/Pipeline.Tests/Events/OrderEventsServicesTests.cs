namespace ServerlessSync.Pipeline.Tests.Events;

public sealed class OrderEventsServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        values.TryAdd("Erp:Kind", "Kingdee");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddServerlessSyncPipeline(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Without_service_bus_settings_the_pipeline_gets_a_publisher_that_sends_nothing()
    {
        await using var provider = Build([]);

        var publisher = provider.GetRequiredService<IOrderEventPublisher>();

        Assert.IsType<NoOpOrderEventPublisher>(publisher);
        Assert.False(publisher.IsEnabled);
        Assert.Null(provider.GetService<ServiceBusClient>());
        await publisher.PublishAsync(OrderEventMessage.ForStatus(new OrderKey("douyin", "1", "2"), SyncStatus.Synced, "Kingdee", "X", null, DateTimeOffset.UnixEpoch)!, CancellationToken.None);
    }

    [Fact]
    public async Task A_namespace_selects_the_service_bus_publisher_on_the_order_events_topic_with_managed_identity()
    {
        await using var provider = Build(new()
        {
            ["ServiceBus:FullyQualifiedNamespace"] = "sb-ssync-test.servicebus.windows.net",
            ["ServiceBus:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var publisher = provider.GetRequiredService<IOrderEventPublisher>();
        var sender = provider.GetRequiredService<ServiceBusSender>();

        Assert.IsType<ServiceBusOrderEventPublisher>(publisher);
        Assert.True(publisher.IsEnabled);
        Assert.Equal("order-events", sender.EntityPath);
        Assert.Equal("sb-ssync-test.servicebus.windows.net", sender.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_connection_string_also_selects_it_and_the_topic_name_can_be_changed()
    {
        await using var provider = Build(new()
        {
            ["ServiceBus:ConnectionString"] = "Endpoint=sb://local-broker.example/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5",
            ["ServiceBus:TopicName"] = "orders-out",
        });

        var sender = provider.GetRequiredService<ServiceBusSender>();

        Assert.IsType<ServiceBusOrderEventPublisher>(provider.GetRequiredService<IOrderEventPublisher>());
        Assert.Equal("orders-out", sender.EntityPath);
        Assert.Equal("local-broker.example", sender.FullyQualifiedNamespace);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// One order all the way through the Functions app's own function methods: the Webhook trigger takes a signed 抖店 push,
/// the queue trigger starts a SyncBatch run (and, for the event sent again alone, SyncOrder), and the orchestrator
/// functions with their activity functions run the shared pipeline on a real Durable engine against the Douyin and Kingdee simulators and Azurite. The settings are
/// local.settings.sample.json's, as the Functions host would turn them into configuration.
/// </summary>
public sealed class SyncOrderFunctionTests
{
    /// <summary>local.settings.json "Values" become environment variables in the host: <c>__</c> stands for <c>:</c>.</summary>
    private static Dictionary<string, string?> SampleSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
    }

    [Fact]
    public async Task A_pushed_douyin_order_is_written_to_kingdee_once_through_the_function_methods()
    {
        var simulatorUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var simulators = SimulatorHost.Build(["--urls", simulatorUrl, "--Logging:LogLevel:Default=Warning"]);
        await simulators.StartAsync();

        var settings = SampleSettings();
        settings["Platforms:Douyin:ApiBaseUrl"] = simulatorUrl + "/douyin";
        settings["Erp:Kingdee:BaseUrl"] = simulatorUrl + "/kingdee/k3cloud/";
        settings.TryAdd("Platforms:Douyin:AccessToken", "sim-shop-token"); // the simulator wants one; the sample settings may not carry it yet
        settings["Profiles:SeedDirectory"] = "profiles";
        settings["Sync:FetchFirstRetrySeconds"] = "1";
        settings["Sync:WriteErpFirstRetrySeconds"] = "1";
        settings["Sync:WriteErpMaxRetrySeconds"] = "2";
        // FunctionsTestApp points storage at Azurite with a unique prefix and intake queue. The sample's queue name would
        // share "orders-intake" on the shared Azurite with every other run, whose leftover messages this test then read.
        settings.Remove("Storage:ConnectionString");
        settings.Remove("Storage:IntakeQueueName");
        await using var app = await FunctionsTestApp.StartAsync(settings);
        foreach (var hosted in app.Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await using var durable = await FunctionsDurableHost.StartAsync(app);

        var douyin = simulators.Services.GetRequiredService<DouyinSimulatorOptions>();
        var order = simulators.Services.GetRequiredService<DouyinOrderStore>().CreateOrders(1, random: new Random(11))[0];
        var push = DouyinPushBuilder.Build(douyin.AppKey, douyin.AppSecret, order, DouyinPushTags.TradePaid, "msg-e2e-" + order.OrderId);
        var ack = await Pushes.ExecuteAsync(await app.Create<WebhookFunction>().RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None));
        Assert.Equal((200, DouyinPushAck.Success), (ack.Status, ack.Body));

        var queue = await app.IntakeQueueAsync();
        var message = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);
        var outcome = await app.Create<StartSyncOrderFunction>().RunAsync(message.Body.ToString(), durable.Client, app.QueueTry(1), CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        Assert.Equal(new IntakeHandled(Events: 1, Duplicates: 0, Started: 1, RequeuedBusy: 0, AlreadyCovered: 0), outcome);

        var key = new OrderKey(PlatformNames.Douyin, order.ShopId, order.OrderId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var batchRun = SyncBatchStarter.InstanceIdOf(IntakeDelivery.Parse(message.Body.ToString()).Batch!.Id);
        var done = await durable.Client.WaitForInstanceCompletionAsync(batchRun, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        var result = done.ReadOutputAs<SyncBatchResult>()!;
        Assert.True(result.Synced == 1, $"batch run: {result}");

        var bill = Assert.Single(simulators.Services.GetRequiredService<KingdeeSimulatorState>().FindByNetOrderBillNo(order.OrderId));
        var ledger = await app.Service<OrderLedger>().GetAsync(key, CancellationToken.None);
        Assert.Equal(SyncStatus.Synced, ledger!.Status);
        Assert.Equal(bill.BillNo, ledger.ErpOrderNumber);

        var status = await Pushes.ExecuteAsync(await app.Create<GetOrderFunction>().RunAsync(Pushes.Request("GET"), key.Platform, key.ShopId, key.OrderId, CancellationToken.None));
        Assert.Equal(200, status.Status);
        var json = JsonDocument.Parse(status.Body).RootElement;
        Assert.Equal("Synced", json.GetProperty("status").GetString());
        Assert.Equal(bill.BillNo, json.GetProperty("erpOrderNumber").GetString());
        Assert.Equal(1, json.GetProperty("pushesReceived").GetInt32());

        // The same event again after the run: level-triggered, so it may run again but writes no second ERP order.
        await app.EnqueueAsync(Assert.Single(IntakeDelivery.Parse(message.Body.ToString()).Events) with { AcceptedAt = DateTimeOffset.UtcNow.AddSeconds(5) });
        var again = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);
        Assert.Equal(1, (await app.Create<StartSyncOrderFunction>().RunAsync(again.Body.ToString(), durable.Client, app.QueueTry(1), CancellationToken.None))!.Started);
        var second = await durable.Client.WaitForInstanceCompletionAsync(key.InstanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(SyncStatus.Synced, second.ReadOutputAs<SyncOrderResult>()!.Status);
        Assert.Single(simulators.Services.GetRequiredService<KingdeeSimulatorState>().FindByNetOrderBillNo(order.OrderId));
    }
}

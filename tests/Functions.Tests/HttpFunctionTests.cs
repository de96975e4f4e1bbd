using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Simulators.Douyin;

namespace ServerlessSync.Functions.Tests;

/// <summary>The HTTP trigger methods, invoked with real requests against the real pipeline services on Azurite.</summary>
public sealed class HttpFunctionTests
{
    [Fact]
    public async Task A_genuine_signed_douyin_push_is_acked_once_its_event_is_on_the_queue_and_its_body_in_a_blob()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var (order, push) = Pushes.DouyinPaid();

        var result = await app.Create<WebhookFunction>().RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None);

        var (status, contentType, body) = await Pushes.ExecuteAsync(result);
        Assert.Equal(200, status);
        Assert.Equal(DouyinPushAck.Success, body);
        Assert.Equal("""{"code":0,"msg":"success"}""", body);
        Assert.StartsWith("application/json", contentType);

        var delivery = IntakeDelivery.Parse(Assert.Single(await app.PeekIntakeAsync()).Body.ToString());
        var message = Assert.Single(delivery.Events);
        Assert.Equal(new OrderKey(PlatformNames.Douyin, order.ShopId, order.OrderId), message.Key);
        Assert.Equal(push.MsgId, message.MsgId);
        Assert.Contains(order.OrderId, Assert.Single(delivery.Batch!.Bodies!));

        // The Inbox row is the consumer's (StartSyncOrder) to write: that is where a duplicate push is recognised.
        Assert.Empty(await app.RowsAsync(InboxStore.TableName));
    }

    [Fact]
    public async Task A_forged_signature_gets_401_and_leaves_no_inbox_row_no_queue_message_and_no_blob()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var (_, genuine) = Pushes.DouyinPaid();
        var forged = DouyinPushBuilder.Forge(genuine);

        var result = await app.Create<WebhookFunction>().RunAsync(Pushes.Request(forged), PlatformNames.Douyin, CancellationToken.None);

        var (status, contentType, body) = await Pushes.ExecuteAsync(result);
        Assert.Equal(401, status);
        Assert.StartsWith("application/json", contentType);
        Assert.Contains("event-sign", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.Empty(await app.RowsAsync(InboxStore.TableName));
        Assert.Empty(await app.PeekIntakeAsync());
        Assert.Empty(await app.IntakeBodyBlobsAsync());
    }

    [Fact]
    public async Task With_an_empty_app_secret_no_push_is_verified_and_nothing_is_kept()
    {
        // Without the secret, MD5(app_key + body) is computable by anyone: the app must not take it as proof.
        await using var app = await FunctionsTestApp.StartAsync(new Dictionary<string, string?> { ["Platforms:Douyin:AppSecret"] = "" });
        var (_, push) = Pushes.DouyinPaid(appSecret: "");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => app.Create<WebhookFunction>().RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None));

        Assert.Contains("Platforms:Douyin:AppSecret is empty", error.Message, StringComparison.Ordinal);
        Assert.Empty(await app.PeekIntakeAsync());
        Assert.Empty(await app.RowsAsync(InboxStore.TableName));
    }

    [Fact]
    public async Task A_push_signed_for_another_app_gets_401()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var (_, push) = Pushes.DouyinPaid(appKey: "someone-elses-app", appSecret: FunctionsTestApp.DouyinAppSecret);

        var result = (ContentResult)await app.Create<WebhookFunction>().RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(await app.PeekIntakeAsync());
    }

    [Fact]
    public async Task Unknown_platform_is_404_and_a_get_on_douyin_which_has_no_handshake_is_405()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var function = app.Create<WebhookFunction>();

        var unknown = (ContentResult)await function.RunAsync(Pushes.Request("POST", [1, 2, 3]), "myspace", CancellationToken.None);
        var get = (ContentResult)await function.RunAsync(Pushes.Request("GET"), PlatformNames.Douyin, CancellationToken.None);

        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal(405, get.StatusCode);
        Assert.Empty(await app.PeekIntakeAsync());
    }

    [Fact]
    public async Task GetOrder_is_404_for_an_unknown_order_and_400_for_an_unknown_platform()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var function = app.Create<GetOrderFunction>();

        var unknownOrder = (ContentResult)await function.RunAsync(Pushes.Request("GET"), PlatformNames.Douyin, "100200300", "6900000000000000001", CancellationToken.None);
        var unknownPlatform = (ContentResult)await function.RunAsync(Pushes.Request("GET"), "myspace", "1", "2", CancellationToken.None);

        Assert.Equal(404, unknownOrder.StatusCode);
        Assert.Equal(400, unknownPlatform.StatusCode);
    }

    [Fact]
    public async Task GetOrder_returns_the_ledger_state_and_history_of_a_known_order()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var key = new OrderKey(PlatformNames.Douyin, "100200300", "6912345678901234567");
        var at = new DateTimeOffset(2025, 11, 11, 20, 0, 0, TimeSpan.Zero);
        await app.Service<OrderLedger>().UpdateAsync(
            key,
            _ => new LedgerEntry { Key = key, Status = SyncStatus.Received, PaidAmountFen = 12_900, PlatformStatus = OrderStatus.Paid }
                .With(SyncStatus.Received, "received", at)
                .With(SyncStatus.Synced, "ERP order XSDD000123 created", at.AddSeconds(3), erpOrderNumber: "XSDD000123"),
            CancellationToken.None);

        var result = await app.Create<GetOrderFunction>().RunAsync(Pushes.Request("GET"), key.Platform, key.ShopId, key.OrderId, CancellationToken.None);

        var (status, contentType, body) = await Pushes.ExecuteAsync(result);
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(key.InstanceId, json.GetProperty("instanceId").GetString());
        Assert.Equal("Synced", json.GetProperty("status").GetString());
        Assert.Equal("XSDD000123", json.GetProperty("erpOrderNumber").GetString());
        Assert.Equal(12_900, json.GetProperty("paidAmountFen").GetInt64());
        Assert.Equal(
            ["Received", "Synced"],
            json.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()!).ToArray());
    }

    [Fact]
    public async Task Health_is_200_with_the_intake_queue_and_its_depth()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        await app.EnqueueAsync(new IntakeMessage(PlatformNames.Douyin, "1", "2", "paid", DateTimeOffset.UtcNow, "m1", DateTimeOffset.UtcNow));

        var result = await app.Create<HealthFunction>().RunAsync(Pushes.Request("GET"), CancellationToken.None);

        var (status, _, body) = await Pushes.ExecuteAsync(result);
        Assert.Equal(200, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal(app.Storage.IntakeQueueName, json.GetProperty("intakeQueue").GetString());
        Assert.Equal(1, json.GetProperty("intakeQueueDepth").GetInt32());
    }

    [Fact]
    public async Task Health_is_503_when_storage_is_unreachable()
    {
        // A storage endpoint nobody listens on: the probe must answer, not throw.
        var closedPort = ServerlessSync.TestSupport.FreePort.Next();
        await using var app = await FunctionsTestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] =
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;",
        });

        var result = (ContentResult)await app.Create<HealthFunction>().RunAsync(Pushes.Request("GET"), CancellationToken.None);

        Assert.Equal(503, result.StatusCode);
    }
}

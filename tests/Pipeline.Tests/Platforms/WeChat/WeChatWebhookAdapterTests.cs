using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

public sealed class WeChatWebhookAdapterTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    /// <summary>GET|POST /api/webhooks/{platform} through the real <see cref="WebhookHandler"/>, Inbox and intake queue on Azurite.</summary>
    private sealed class Hub : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Hub(WebApplication app, StorageClients storage)
        {
            this.app = app;
            Storage = storage;
        }

        public StorageClients Storage { get; }

        public Uri WebhookUrl { get; private set; } = null!;

        public static async Task<Hub> StartAsync(WeChatOptions settings)
        {
            var storage = await CoreStorage.CreateAsync();
            var handler = IntakeTestKit.Webhook(storage, [new WeChatWebhookAdapter(Options.Create(settings))], IntakeTestKit.Committer(storage));
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapMethods("/api/webhooks/{platform}", ["GET", "POST"], async (string platform, HttpRequest request, CancellationToken ct) =>
            {
                var reply = await handler.HandleAsync(platform, await WebhookRequest.ReadAsync(request, ct), ct);
                return Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
            });
            await app.StartAsync();
            return new Hub(app, storage) { WebhookUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/api/webhooks/wechat") };
        }

        /// <summary>The text of every intake queue message, taken off the queue.</summary>
        public Task<List<string>> DrainQueueAsync() => IntakeTestKit.ReceiveAllAsync(Storage);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static WebhookRequest Get(params (string Name, string Value)[] query) =>
        new("GET", new Dictionary<string, string>(), query.ToDictionary(q => q.Name, q => q.Value), [], false);

    [Fact]
    public async Task A_burst_with_redeliveries_and_reordering_is_acked_and_each_event_recorded_once()
    {
        await using var hub = await Hub.StartAsync(sim.Settings());
        var start = await sim.Http.PostAsJsonAsync(new Uri(sim.WeChatBaseUrl + "/_sim/burst"), new
        {
            orders = 20, ratePerSecond = 500, duplicateRate = 0.5, outOfOrderRate = 0.5, webhookUrl = hub.WebhookUrl.ToString(), seed = 3,
        });
        var burstId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("burstId").GetString();

        JsonElement status = default;
        for (var i = 0; i < 300 && !(status.ValueKind == JsonValueKind.Object && status.GetProperty("done").GetBoolean()); i++)
        {
            await Task.Delay(100);
            status = await sim.Http.GetFromJsonAsync<JsonElement>(new Uri(sim.WeChatBaseUrl + $"/_sim/burst/{burstId}"));
        }

        var sent = status.GetProperty("sent").GetInt32();
        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.True(status.GetProperty("duplicates").GetInt32() > 0);
        Assert.Equal((sent, 0), (status.GetProperty("acked").GetInt32(), status.GetProperty("failed").GetInt32()));

        var texts = await hub.DrainQueueAsync();
        var queued = texts.SelectMany(t => IntakeDelivery.Parse(t).Events).ToList();
        var orderIds = status.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(sent, queued.Count); // every acked push is on the queue, redeliveries too: the consumer drops those
        Assert.Equal(
            orderIds.SelectMany(id => new[] { (id, WeChatPushEvents.OrderNew), (id, WeChatPushEvents.OrderPay) }).Order(),
            queued.Select(m => (m.OrderId, m.Event)).Distinct().Order());
        Assert.All(queued, m => Assert.Equal(("wechat", WeChatSimulatorHostFixture.ShopId), (m.Platform, m.ShopId)));

        var (consumer, gateway) = IntakeTestKit.Consumer(hub.Storage);
        foreach (var text in texts)
        {
            await consumer.HandleAsync(text, CancellationToken.None);
        }

        // Every order is in a run (an order whose pushes came in two messages is in both messages' runs).
        Assert.Equal(orderIds.Select(id => $"wechat:{WeChatSimulatorHostFixture.ShopId}:{id}").Order(), gateway.StartedOrders.Distinct().Order());
        var inbox = IntakeTestKit.Inbox(hub.Storage);
        foreach (var id in orderIds)
        {
            Assert.Equal(2, await inbox.CountAsync("wechat", WeChatSimulatorHostFixture.ShopId, id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_simulators_url_verification_is_answered_and_a_forged_push_leaves_nothing_behind()
    {
        await using var hub = await Hub.StartAsync(sim.Settings());
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        var verified = await (await sim.Http.PostAsJsonAsync(new Uri(sim.WeChatBaseUrl + "/_sim/verify"), new { webhookUrl = hub.WebhookUrl.ToString() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var forged = await (await sim.Http.PostAsJsonAsync(new Uri(sim.WeChatBaseUrl + "/_sim/push"), new { orderId, webhookUrl = hub.WebhookUrl.ToString(), forged = true }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(verified.GetProperty("verified").GetBoolean());
        Assert.Equal(401, forged.GetProperty("push").GetProperty("statusCode").GetInt32());
        Assert.Empty(await hub.DrainQueueAsync());
        Assert.Equal(0, await IntakeTestKit.Inbox(hub.Storage).CountAsync("wechat", WeChatSimulatorHostFixture.ShopId, orderId, CancellationToken.None));
    }

    [Fact]
    public async Task A_push_for_a_shop_not_configured_yet_is_acked_kept_and_alerted_and_replayed_once_the_shop_is_added()
    {
        // Two shops on the app and no name mapping: the simulator's shop is not configured.
        var before = sim.Settings();
        before.UserNames = [];
        before.Shops = new() { ["wx-other-1"] = new(), ["wx-other-2"] = new() };
        await using var hub = await Hub.StartAsync(before);
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        var pushed = await (await sim.Http.PostAsJsonAsync(new Uri(sim.WeChatBaseUrl + "/_sim/push"), new { orderId, webhookUrl = hub.WebhookUrl.ToString() }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(200, pushed.GetProperty("push").GetProperty("statusCode").GetInt32());
        Assert.Empty(await hub.DrainQueueAsync());
        var committer = IntakeTestKit.Committer(hub.Storage);
        var stillUnknown = IntakeTestKit.Held(hub.Storage, [new WeChatWebhookAdapter(Options.Create(before))], committer);
        Assert.Contains($"\"orderId\":\"{orderId}\"", (await stillUnknown.ListAsync(CancellationToken.None)).Body);
        Assert.Equal((0, 1), await stillUnknown.ReplayAsync(CancellationToken.None));
        var alert = Assert.Single(await RowsAsync(hub.Storage, ServerlessSync.Pipeline.Alerts.AlertService.LogTable));
        Assert.Equal($"unknown-shop:wechat:{sim.Options.UserName}", alert.GetString("Target"));

        // The shop is added (the hosts replay on every pull tick and on POST /api/intake/held/replay).
        var after = sim.Settings();
        after.Shops["wx-other-1"] = new();
        after.Shops["wx-other-2"] = new();
        var replay = IntakeTestKit.Held(hub.Storage, [new WeChatWebhookAdapter(Options.Create(after))], committer);

        Assert.Equal((1, 0), await replay.ReplayAsync(CancellationToken.None));
        var queued = Assert.Single((await hub.DrainQueueAsync()).SelectMany(t => IntakeDelivery.Parse(t).Events));
        Assert.Equal(("wechat", WeChatSimulatorHostFixture.ShopId, orderId), (queued.Platform, queued.ShopId, queued.OrderId));
        Assert.Empty(await RowsAsync(hub.Storage, HeldPushes.TableName));
    }

    [Fact]
    public async Task Where_one_shop_is_configured_for_the_app_its_pushes_map_to_it_without_a_user_name_entry()
    {
        var settings = sim.Settings();
        settings.UserNames = [];
        await using var hub = await Hub.StartAsync(settings);
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        await sim.Http.PostAsJsonAsync(new Uri(sim.WeChatBaseUrl + "/_sim/push"), new { orderId, webhookUrl = hub.WebhookUrl.ToString() });

        var queued = Assert.Single((await hub.DrainQueueAsync()).SelectMany(t => IntakeDelivery.Parse(t).Events));
        Assert.Equal((WeChatSimulatorHostFixture.ShopId, orderId), (queued.ShopId, queued.OrderId));
    }

    private static async Task<List<Azure.Data.Tables.TableEntity>> RowsAsync(StorageClients storage, string table)
    {
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in (await storage.TableAsync(table)).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Handshake_echoes_as_plain_text_and_refuses_a_wrong_signature()
    {
        var adapter = new WeChatWebhookAdapter(Options.Create(sim.Settings()));
        var signature = WeChatSignature.Compute(sim.Options.Token, "1700000000", "42");

        var good = adapter.Handshake(Get(("signature", signature), ("timestamp", "1700000000"), ("nonce", "42"), ("echostr", "987654321")));
        var bad = adapter.Handshake(Get(("signature", new string('0', 40)), ("timestamp", "1700000000"), ("nonce", "42"), ("echostr", "987654321")));

        Assert.Equal(HttpReply.Text(200, "987654321"), good);
        Assert.Equal(401, bad!.StatusCode);
        Assert.Equal(HttpReply.Text(200, "success"), adapter.Ack());
    }

    [Fact]
    public void Missing_push_settings_are_a_server_error_so_wechat_retries_after_the_fix()
    {
        var settings = sim.Settings();
        settings.EncodingAesKey = "";
        var adapter = new WeChatWebhookAdapter(Options.Create(settings));

        var outcome = adapter.Interpret(new WebhookRequest("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes("{}"), false), DateTimeOffset.UtcNow);

        Assert.Equal(500, outcome.RejectStatusCode);
    }
}

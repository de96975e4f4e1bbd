using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Orders;
using ServerlessSync.LocalHost;
using ServerlessSync.LocalHost.Security;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;
using ServerlessSync.TestSupport;
using Xunit;

namespace ServerlessSync.HubTestSupport;

/// <summary>
/// A whole ServerlessSync on loopback for one test: the simulators and the LocalHost (DTFx on Azurite), each
/// on a free port, with table prefix, queue and task hub unique to the test so tests can run in parallel.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private TestHub(WebApplication simulators, WebApplication hub, string simUrl, string hubUrl, string prefix, string adminToken)
    {
        Simulators = simulators;
        Hub = hub;
        SimulatorUrl = simUrl;
        HubUrl = hubUrl;
        Prefix = prefix;
        AdminToken = adminToken;
        Http = new HttpClient { BaseAddress = new Uri(hubUrl), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add(LocalRequestGuard.TokenHeader, adminToken);
    }

    public WebApplication Simulators { get; }

    public WebApplication Hub { get; }

    public string SimulatorUrl { get; }

    public string HubUrl { get; }

    public string Prefix { get; }

    /// <summary>Carries the admin token (<see cref="LocalRequestGuard.TokenHeader"/>) on every request.</summary>
    public HttpClient Http { get; }

    /// <summary>This hub's <c>Admin:Token</c>; pages get it as <c>#token=</c> in the link.</summary>
    public string AdminToken { get; }

    /// <summary>JSON content for admin POSTs that carry no body of their own (resync): admin routes take only application/json.</summary>
    /// <summary>The admin API's address of the demo Douyin shop's mapping profile.</summary>
    public static readonly string DemoProfileUrl = $"/api/profiles/douyin/{DemoCatalog.ShopId}";

    public static HttpContent EmptyJson() => new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

    public string DouyinWebhookUrl => HubUrl + "/api/webhooks/douyin";

    public DouyinOrderStore DouyinOrders => Simulators.Services.GetRequiredService<DouyinOrderStore>();

    public DouyinSimulatorOptions DouyinOptions => Simulators.Services.GetRequiredService<DouyinSimulatorOptions>();

    public KingdeeSimulatorState Kingdee => Simulators.Services.GetRequiredService<KingdeeSimulatorState>();

    public OrderLedger Ledger => Hub.Services.GetRequiredService<OrderLedger>();

    public T HubService<T>() where T : notnull => Hub.Services.GetRequiredService<T>();

    public T SimulatorService<T>() where T : notnull => Simulators.Services.GetRequiredService<T>();

    public static async Task<TestHub> StartAsync(Action<SimulatorOptions>? simulators = null, IDictionary<string, string?>? settings = null)
    {
        var connection = await Azurite.EnsureRunningAsync();
        var simUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var sims = SimulatorHost.Build(["--urls", simUrl, "--Logging:LogLevel:Default=Warning"], options =>
        {
            options.Kingdee.MaxCallsPerSecond = 120;
            options.Kingdee.MaxConcurrency = 16;
            simulators?.Invoke(options);
        });
        await sims.StartAsync();

        var prefix = Azurite.UniqueName("t");
        var adminToken = "test-admin-" + Guid.NewGuid().ToString("N");
        var hubUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var values = new Dictionary<string, string?>
        {
            ["urls"] = hubUrl,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:IntakeQueueName"] = prefix + "-intake",
            ["DurableTask:HubName"] = "hub" + prefix,
            ["DurableTask:PartitionCount"] = "2",
            ["DurableTask:MaxQueuePollingIntervalMs"] = "250",
            ["Profiles:SeedDirectory"] = Path.Combine(Azurite.RepositoryRoot(), "config", "profiles"),
            ["Platforms:Douyin:ApiBaseUrl"] = simUrl + "/douyin",
            // The other platforms' calls (write-back, stock push) reach this test's simulators too, never a shared port.
            ["Platforms:Kuaishou:ApiBaseUrl"] = simUrl + "/kuaishou",
            ["Platforms:WeChat:ApiBaseUrl"] = simUrl + "/wechat",
            ["Platforms:Taobao:ApiBaseUrl"] = simUrl + "/taobao/router/rest",
            ["Erp:Kingdee:BaseUrl"] = simUrl + "/kingdee/k3cloud/",
            // Tests pace the ERP faster than a real K/3 Cloud takes, to keep the suite short; the simulator's cap is raised to match.
            ["Erp:Kingdee:MaxCallsPerSecond"] = "100",
            ["Erp:Kingdee:MaxConcurrency"] = "8",
            ["Intake:BusyRetryDelaySeconds"] = "1",
            // Pull runs only in tests that ask for it, so push-only assertions are not raced by a pull tick.
            ["Pull:IntervalSeconds"] = "3600",
            ["SellerNotes:IntervalSeconds"] = "1",
            // Shipments are read from the ERP only in tests that ask for it, so tests counting ERP calls see their own.
            ["Shipments:IntervalSeconds"] = "3600",
            ["Sync:WriteErpFirstRetrySeconds"] = "1",
            ["Sync:WriteErpMaxRetrySeconds"] = "2",
            ["Sync:FetchFirstRetrySeconds"] = "1",
            ["Admin:Token"] = adminToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var hub = LocalHostApp.Build([], config => config.AddInMemoryCollection(values));
        await hub.StartAsync();
        return new TestHub(sims, hub, simUrl, hubUrl, prefix, values["Admin:Token"]!);
    }

    /// <summary>Plays a Douyin burst against this hub's webhook.</summary>
    public Task<DouyinBurstResult> PlayDouyinBurstAsync(DouyinBurstPlan plan, CancellationToken cancellationToken = default) =>
        new DouyinBurstPlayer(DouyinOrders, SimulatorService<DouyinPushSender>(), DouyinOptions)
            .PlayAsync(plan with { WebhookUrl = DouyinWebhookUrl }, cancellationToken);

    /// <summary>The demo shop's mapping profile as the admin API returns it now.</summary>
    public async Task<JsonObject> DemoProfileAsync() => JsonNode.Parse(await Http.GetStringAsync(DemoProfileUrl))!.AsObject();

    public async Task<JsonElement?> GetOrderStatusAsync(string platform, string shopId, string orderId)
    {
        using var response = await Http.GetAsync($"/api/orders/{platform}/{shopId}/{orderId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>Polls until every order has one of <paramref name="statuses"/> in the ledger, or the time is up.</summary>
    public async Task<IReadOnlyDictionary<string, LedgerEntry?>> WaitForLedgerAsync(string shopId, IReadOnlyCollection<string> orderIds, TimeSpan timeout, params SyncStatus[] statuses)
    {
        var found = new Dictionary<string, LedgerEntry?>();
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var id in orderIds.Where(id => !found.TryGetValue(id, out var e) || e is null || !statuses.Contains(e.Status)))
                {
                    found[id] = await Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, shopId, id), CancellationToken.None);
                }

                return found.Values.All(e => e is not null && statuses.Contains(e.Status));
            },
            timeout);
        return found;
    }

    /// <summary>
    /// Exactly once: every order Synced in <paramref name="ledger"/> (the first ones that are not, with their reasons, in
    /// the message), one Kingdee bill each, no save made twice, and the ledger's ERP number is that bill's.
    /// </summary>
    public void AssertEachOrderInKingdeeOnce(IReadOnlyCollection<string> orderIds, IReadOnlyDictionary<string, LedgerEntry?> ledger)
    {
        var notSynced = orderIds.Where(id => ledger[id]?.Status != SyncStatus.Synced).Select(id => $"{id}: {ledger[id]?.Status} {ledger[id]?.Reason}").ToList();
        Assert.True(notSynced.Count == 0, string.Join("; ", notSynced.Take(5)));
        Assert.All(orderIds, id => Assert.Single(Kingdee.FindByNetOrderBillNo(id)));
        Assert.Empty(Kingdee.Duplicates);
        Assert.All(orderIds, id => Assert.Equal(Kingdee.FindByNetOrderBillNo(id).Single().BillNo, ledger[id]!.ErpOrderNumber));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Hub.StopAsync();
        await Hub.DisposeAsync();
        await Simulators.StopAsync();
        await Simulators.DisposeAsync();
    }
}

namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>An order the fixture put on its simulator, and what the contract checks of it.</summary>
/// <param name="BuyerName">The receiver's name as the platform shows it: it must never appear in an error message.</param>
public sealed record ContractOrder(OrderKey Key, long PaidFen, string BuyerName);

/// <summary>
/// One platform for <see cref="PlatformContractTests{TPlatform}"/>: the real simulator host on a free loopback port, the
/// settings pointing the hub at it, and the few platform facts the shared behaviours need (its error codes, its limits).
/// </summary>
public abstract class PlatformContract(PlatformFacts facts) : SimulatorHostFixture
{
    private const string Unreachable = "http://127.0.0.1:9";

    /// <summary>The platform's documented codes and limits.</summary>
    public PlatformFacts Facts => facts;

    public string Platform => facts.Platform;

    /// <summary>A shop and one of its SKUs whose stock only the contract's stock test changes.</summary>
    public abstract (string ShopId, PlatformSku Sku) StockSku { get; }

    /// <summary>The settings under <see cref="PlatformFacts.SettingsSection"/> that point the hub at the simulator.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings();

    /// <summary>The secrets among the settings: no error message may carry them.</summary>
    public abstract IEnumerable<string> Secrets();

    public abstract ContractOrder NewOrder();

    /// <summary>The stock the simulator shows for <see cref="StockSku"/>.</summary>
    public long ShownStock() => Stock.Get(StockSku.ShopId, StockSku.Sku.SkuId).Stock;

    /// <summary>The simulator's stock rows.</summary>
    protected abstract SimSkuStock Stock { get; }

    /// <summary>Sets the simulator's fault knobs: the share of calls throttled and the share answered with HTTP 500.</summary>
    protected abstract void SetFaults(double throttleRate, double apiFailureRate);

    /// <summary>The platform's ports as the hosts register them (<see cref="PlatformServices.AddServerlessSyncPlatforms"/>), pointed at the simulator.</summary>
    /// <param name="changes">Settings to change, by name under <see cref="PlatformFacts.SettingsSection"/>.</param>
    public ServiceProvider Services(params (string Setting, string? Value)[] changes)
    {
        var settings = Settings().ToDictionary(s => s.Key, s => s.Value);
        foreach (var (setting, value) in changes)
        {
            settings[setting] = value;
        }

        var section = facts.SettingsSection + ":";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(section + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddServerlessSyncPlatforms(configuration).BuildServiceProvider();
    }

    /// <summary>The settings with the API's host replaced by a port nothing listens on.</summary>
    public ServiceProvider UnreachableServices() =>
        Services(("ApiBaseUrl", Settings()["ApiBaseUrl"]!.Replace(HostUrl, Unreachable, StringComparison.Ordinal)));

    /// <summary>Faults on until the result is disposed.</summary>
    public IDisposable Faults(double throttleRate, double apiFailureRate)
    {
        SetFaults(throttleRate, apiFailureRate);
        return new Reset(() => SetFaults(0, 0));
    }

    public T Port<T>(IServiceProvider services)
        where T : class =>
        Assert.Single(services.GetServices<T>(), p => PlatformOf(p) == Platform);

    private static string PlatformOf(object port) => port switch
    {
        IPlatformOrderClient p => p.Platform,
        IPlatformOrderLister p => p.Platform,
        IPlatformSellerNoteWriter p => p.Platform,
        IPlatformShipmentSender p => p.Platform,
        IPlatformStockWriter p => p.Platform,
        IWebhookAdapter p => p.Platform,
        _ => throw new ArgumentException($"{port.GetType().Name} is not a platform port.", nameof(port)),
    };

    private sealed class Reset(Action reset) : IDisposable
    {
        public void Dispose() => reset();
    }
}

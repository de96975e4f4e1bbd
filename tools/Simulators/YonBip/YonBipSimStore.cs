using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>Products, stock, orders and the resubmitCheckKey result cache; thread-safe.</summary>
public sealed class YonBipSimStore
{
    private const long FirstId = 2_446_326_816_231_680_001;
    private const long FirstProductId = 1_990_000_000_000_000_001;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Product, string Warehouse), decimal> _stock = [];
    private readonly List<YonBipSimOrder> _orders = [];
    private readonly List<(YonBipSimOrder Order, DateTimeOffset DeletedAt)> _deleted = [];
    private readonly Dictionary<string, KeyEntry> _keys = new(StringComparer.Ordinal);
    private long _nextId = FirstId;

    public YonBipSimStore(YonBipSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Seed(options);
    }

    private sealed record KeyEntry(JsonObject Answer, DateTimeOffset At, long OrderId);

    public enum SaveKind { Created, Replayed, Duplicate }

    public sealed record SaveOutcome(SaveKind Kind, JsonObject Answer, YonBipSimOrder? Order);

    /// <summary>Product lookup by code or id (the API takes either).</summary>
    public bool ProductExists(string codeOrId)
    {
        lock (_gate)
        {
            return _products.ContainsKey(codeOrId) || _products.ContainsValue(YonBipSimJson.Long(codeOrId) ?? -1);
        }
    }

    public void SetStock(string product, string warehouse, decimal quantity)
    {
        lock (_gate)
        {
            AddProduct(product);
            _stock[(product, warehouse)] = quantity;
        }
    }

    public IReadOnlyList<(string Product, long ProductId, string Warehouse, decimal Quantity)> StockRows()
    {
        lock (_gate)
        {
            return _stock.OrderBy(s => s.Key.Product, StringComparer.Ordinal).ThenBy(s => s.Key.Warehouse, StringComparer.Ordinal)
                .Select(s => (s.Key.Product, _products[s.Key.Product], s.Key.Warehouse, s.Value)).ToList();
        }
    }

    /// <summary>
    /// Saves a draft with MDD idempotency: a key seen within <paramref name="window"/> replays the first success
    /// unchanged; after it the same key answers 100004 with the id only. Only successes are remembered.
    /// </summary>
    public SaveOutcome Save(YonBipSimOrder draft, DateTimeOffset now, TimeSpan window, Func<YonBipSimOrder, JsonObject> answer)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            var key = draft.ResubmitCheckKey;
            if (key.Length > 0 && _keys.TryGetValue(key, out var seen))
            {
                return now - seen.At < window
                    ? new SaveOutcome(SaveKind.Replayed, (JsonObject)seen.Answer.DeepClone(), null)
                    : new SaveOutcome(SaveKind.Duplicate, YonBipSimAnswers.Duplicate(seen.OrderId), null);
            }

            var id = _nextId++;
            var order = draft with
            {
                Id = id,
                Code = "UO-" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (id - FirstId + 1).ToString("D6", CultureInfo.InvariantCulture),
                VerifyState = 0,
                SavedAt = now,
            };
            _orders.Add(order);
            var body = answer(order);
            if (key.Length > 0)
            {
                _keys[key] = new KeyEntry((JsonObject)body.DeepClone(), now, id);
            }

            return new SaveOutcome(SaveKind.Created, body, order);
        }
    }

    public YonBipSimOrder? Find(long? id, string? code)
    {
        lock (_gate)
        {
            return _orders.FirstOrDefault(o => (id is not null && o.Id == id) || (code is not null && o.Code == code));
        }
    }

    /// <summary>Moves an order from <paramref name="from"/> to <paramref name="to"/>; false when its state does not allow it.</summary>
    public bool TryMove(long id, int from, int to)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.Id == id);
            if (index < 0 || _orders[index].VerifyState != from)
            {
                return false;
            }

            _orders[index] = _orders[index] with { VerifyState = to };
            return true;
        }
    }

    /// <summary>Removes an open (开立) order; false when it is missing or already submitted.</summary>
    public bool TryDelete(long id, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.Id == id);
            if (index < 0 || _orders[index].VerifyState != 0)
            {
                return false;
            }

            _deleted.Add((_orders[index], now));
            _orders.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Orders removed by delete, with the time of deletion.</summary>
    public IReadOnlyList<(YonBipSimOrder Order, DateTimeOffset DeletedAt)> Deleted()
    {
        lock (_gate)
        {
            return _deleted.ToList();
        }
    }

    public IReadOnlyList<YonBipSimOrder> Orders()
    {
        lock (_gate)
        {
            return _orders.ToList();
        }
    }

    /// <summary>Platform order numbers held by more than one order: each is a doubled order.</summary>
    public IReadOnlyList<string> DuplicateExternalOrderNos()
    {
        lock (_gate)
        {
            return _orders.Where(o => o.ExternalOrderNo.Length > 0)
                .GroupBy(o => o.ExternalOrderNo, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }
    }

    public void Reset(YonBipSimulatorOptions options)
    {
        lock (_gate)
        {
            _products.Clear();
            _stock.Clear();
            _orders.Clear();
            _deleted.Clear();
            _keys.Clear();
            _nextId = FirstId;
            Seed(options);
        }
    }

    private void AddProduct(string code)
    {
        if (!_products.ContainsKey(code))
        {
            _products[code] = FirstProductId + _products.Count;
        }
    }

    private void Seed(YonBipSimulatorOptions options)
    {
        foreach (var material in DemoCatalog.ErpMaterials.Concat(options.ExtraMaterials))
        {
            AddProduct(material);
            _stock[(material, options.StockWarehouse)] = options.Stock.GetValueOrDefault(material, options.DefaultStock);
        }

        foreach (var (material, quantity) in options.Stock)
        {
            AddProduct(material);
            _stock[(material, options.StockWarehouse)] = quantity;
        }
    }
}

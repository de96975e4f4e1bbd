namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>SKUs with their inventory, and orders unique per (shop_id, so_id); thread-safe.</summary>
public sealed class JushuitanSimStore
{
    private const long FirstOId = 1_528_134;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JushuitanSimStock> _stock = new(StringComparer.Ordinal);
    private readonly List<JushuitanSimOrder> _orders = [];
    private long _nextOId = FirstOId;

    public JushuitanSimStore(JushuitanSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Seed(options);
    }

    public bool SkuExists(string skuId)
    {
        lock (_gate)
        {
            return _stock.ContainsKey(skuId);
        }
    }

    public void SetStock(string skuId, decimal qty, decimal? orderLock = null, decimal? pickLock = null)
    {
        lock (_gate)
        {
            var current = _stock.GetValueOrDefault(skuId) ?? new JushuitanSimStock(0, 0, 0);
            _stock[skuId] = new JushuitanSimStock(qty, orderLock ?? current.OrderLock, pickLock ?? current.PickLock);
        }
    }

    public IReadOnlyDictionary<string, JushuitanSimStock> Stock()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, JushuitanSimStock>(_stock, StringComparer.Ordinal);
        }
    }

    public JushuitanSimOrder? Find(string shopId, string soId)
    {
        lock (_gate)
        {
            return _orders.FirstOrDefault(o => o.ShopId == shopId && o.SoId == soId);
        }
    }

    /// <summary>Stores a new order under the next o_id and locks its quantities (订单占有数); null when (shop, so_id) exists.</summary>
    public JushuitanSimOrder? Add(JushuitanSimOrder draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            if (_orders.Any(o => o.ShopId == draft.ShopId && o.SoId == draft.SoId))
            {
                return null;
            }

            var order = draft with { OId = _nextOId++ };
            _orders.Add(order);
            foreach (var item in order.Items)
            {
                var stock = _stock[item.SkuId];
                _stock[item.SkuId] = stock with { OrderLock = stock.OrderLock + item.Qty };
            }

            return order;
        }
    }

    /// <summary>Applies the updatable field (shop_status) to an existing order.</summary>
    public JushuitanSimOrder UpdateShopStatus(long oId, string shopStatus, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.OId == oId);
            _orders[index] = _orders[index] with { ShopStatus = shopStatus, Modified = now };
            return _orders[index];
        }
    }

    public IReadOnlyList<JushuitanSimOrder> Orders()
    {
        lock (_gate)
        {
            return _orders.ToList();
        }
    }

    /// <summary>so_ids held by more than one order (only possible across shops): each is a doubled order.</summary>
    public IReadOnlyList<string> DuplicateSoIds()
    {
        lock (_gate)
        {
            return _orders.GroupBy(o => o.SoId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }
    }

    public void Reset(JushuitanSimulatorOptions options)
    {
        lock (_gate)
        {
            _stock.Clear();
            _orders.Clear();
            _nextOId = FirstOId;
            Seed(options);
        }
    }

    private void Seed(JushuitanSimulatorOptions options)
    {
        foreach (var sku in DemoCatalog.ErpMaterials.Concat(options.ExtraMaterials).Concat(options.Stock.Keys))
        {
            _stock[sku] = new JushuitanSimStock(options.Stock.GetValueOrDefault(sku, options.DefaultStock), 0, 0);
        }
    }
}

using System.Globalization;

namespace ServerlessSync.Simulators.Sap;

/// <summary>Materials, stock rows and sales orders; thread-safe.</summary>
public sealed class SapSimStore
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _materials = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Material, string Plant, string StorageLocation, string Batch, string StockType), decimal> _stock = [];
    private readonly List<SapSimSalesOrder> _orders = [];
    private long _nextNumber = SapSimCatalog.FirstSalesOrder;

    public SapSimStore(SapSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Seed(options);
    }

    public bool MaterialExists(string material)
    {
        lock (_gate)
        {
            return _materials.Contains(material);
        }
    }

    /// <summary>Sets one stock row; the material becomes known.</summary>
    public void SetStock(string material, string plant, string storageLocation, string batch, string stockType, decimal quantity)
    {
        lock (_gate)
        {
            _materials.Add(material);
            _stock[(material, plant, storageLocation, batch, stockType)] = quantity;
        }
    }

    public IReadOnlyList<SapSimStockRow> StockRows()
    {
        lock (_gate)
        {
            return _stock
                .OrderBy(s => s.Key.Material, StringComparer.Ordinal).ThenBy(s => s.Key.Plant, StringComparer.Ordinal)
                .ThenBy(s => s.Key.StorageLocation, StringComparer.Ordinal).ThenBy(s => s.Key.Batch, StringComparer.Ordinal)
                .ThenBy(s => s.Key.StockType, StringComparer.Ordinal)
                .Select(s => new SapSimStockRow(s.Key.Material, s.Key.Plant, s.Key.StorageLocation, s.Key.Batch, s.Key.StockType, s.Value))
                .ToList();
        }
    }

    /// <summary>Stores a draft under the next sales order number. SAP has no duplicate check here: the same PO number may be stored twice.</summary>
    public SapSimSalesOrder Add(SapSimSalesOrder draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var order = draft with { SalesOrder = (_nextNumber++).ToString(CultureInfo.InvariantCulture) };
            _orders.Add(order);
            return order;
        }
    }

    public enum RejectResult { NotFound, Rejected }

    /// <summary>Sets the reason for rejection on one item (replacing an earlier one, as SAP allows).</summary>
    public RejectResult RejectItem(string salesOrder, string salesOrderItem, string reason)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.SalesOrder == salesOrder);
            if (index < 0 || _orders[index].Items.All(i => i.SalesOrderItem != salesOrderItem))
            {
                return RejectResult.NotFound;
            }

            var order = _orders[index];
            _orders[index] = order with
            {
                Items = order.Items.Select(i => i.SalesOrderItem == salesOrderItem ? i with { SalesDocumentRjcnReason = reason } : i).ToList(),
            };
            return RejectResult.Rejected;
        }
    }

    public IReadOnlyList<SapSimSalesOrder> Orders()
    {
        lock (_gate)
        {
            return _orders.ToList();
        }
    }

    /// <summary>PurchaseOrderByCustomer values carried by more than one order: each is a doubled platform order.</summary>
    public IReadOnlyList<string> DuplicatePurchaseOrders()
    {
        lock (_gate)
        {
            return _orders.GroupBy(o => o.PurchaseOrderByCustomer, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }
    }

    public void Reset(SapSimulatorOptions options)
    {
        lock (_gate)
        {
            _materials.Clear();
            _stock.Clear();
            _orders.Clear();
            _nextNumber = SapSimCatalog.FirstSalesOrder;
            Seed(options);
        }
    }

    /// <summary>
    /// Every material gets its unrestricted stock in the configured plant, plus a little blocked stock there and some stock
    /// in another plant, so a client that does not filter by plant and stock type overstates what it may sell.
    /// </summary>
    private void Seed(SapSimulatorOptions options)
    {
        var materials = DemoCatalog.ErpMaterials.Concat(options.ExtraMaterials).Concat(options.Stock.Keys).Distinct(StringComparer.Ordinal);
        foreach (var material in materials)
        {
            _materials.Add(material);
            var unrestricted = options.Stock.TryGetValue(material, out var q) ? q : options.DefaultStock;
            _stock[(material, options.Plant, options.StorageLocation, "", SapSimCatalog.UnrestrictedUse)] = unrestricted;
            _stock[(material, options.Plant, options.StorageLocation, "", SapSimCatalog.Blocked)] = SapSimCatalog.SeededBlockedStock;
            _stock[(material, SapSimCatalog.OtherPlant, SapSimCatalog.OtherStorageLocation, "", SapSimCatalog.UnrestrictedUse)] = SapSimCatalog.SeededOtherPlantStock;
        }
    }
}

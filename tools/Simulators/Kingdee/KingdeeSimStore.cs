using System.Globalization;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>The simulated account's data: materials, stock and SAL_SaleOrder bills. Thread-safe.</summary>
public sealed class KingdeeSimStore
{
    private const long FirstId = 100_001;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _materials = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Material, string Warehouse), decimal> _stock = [];
    private readonly List<KingdeeSimBill> _bills = [];
    private readonly List<(KingdeeSimBill Bill, DateTimeOffset DeletedAt)> _deleted = [];
    private long _nextId = FirstId;

    public KingdeeSimStore(KingdeeSimulatorOptions options) => Seed(options);

    public bool MaterialExists(string material)
    {
        lock (_gate)
        {
            return _materials.Contains(material);
        }
    }

    public void AddMaterial(string material)
    {
        lock (_gate)
        {
            _materials.Add(material);
        }
    }

    /// <summary>Sets the on-hand (= available) quantity of a material in a warehouse; the material becomes known.</summary>
    public void SetStock(string material, string warehouse, decimal quantity)
    {
        lock (_gate)
        {
            _materials.Add(material);
            _stock[(material, warehouse)] = quantity;
        }
    }

    public IReadOnlyList<(string Material, string Warehouse, decimal Quantity)> StockRows()
    {
        lock (_gate)
        {
            return _stock.OrderBy(s => s.Key.Material, StringComparer.Ordinal).ThenBy(s => s.Key.Warehouse, StringComparer.Ordinal)
                .Select(s => (s.Key.Material, s.Key.Warehouse, s.Value)).ToList();
        }
    }

    /// <summary>Stores a draft with a new id, and a generated FBillNo unless the draft names one; null when the number is taken.</summary>
    public KingdeeSimBill? Add(KingdeeSimBill draft)
    {
        lock (_gate)
        {
            var id = _nextId++;
            var number = string.IsNullOrEmpty(draft.BillNo) ? "XSDD" + (id - FirstId + 1).ToString("D6", CultureInfo.InvariantCulture) : draft.BillNo;
            if (_bills.Any(b => b.BillNo == number))
            {
                return null;
            }

            var bill = draft with { Id = id, BillNo = number, Status = "A" };
            _bills.Add(bill);
            return bill;
        }
    }

    public KingdeeSimBill? Find(string? number, long? id)
    {
        lock (_gate)
        {
            return _bills.FirstOrDefault(b => (number is not null && b.BillNo == number) || (id is not null && b.Id == id));
        }
    }

    /// <summary>Moves a bill from one of <paramref name="from"/> to <paramref name="to"/>; false when its status does not allow it.</summary>
    public bool TryMove(long id, IReadOnlyCollection<string> from, string to)
    {
        lock (_gate)
        {
            var index = _bills.FindIndex(b => b.Id == id);
            if (index < 0 || !from.Contains(_bills[index].Status))
            {
                return false;
            }

            _bills[index] = _bills[index] with { Status = to };
            return true;
        }
    }

    /// <summary>Removes a bill whose status is one of <paramref name="from"/>; false when it is missing or its status does not allow it.</summary>
    public bool TryDelete(long id, IReadOnlyCollection<string> from, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _bills.FindIndex(b => b.Id == id);
            if (index < 0 || !from.Contains(_bills[index].Status))
            {
                return false;
            }

            _deleted.Add((_bills[index], now));
            _bills.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Bills removed by Delete, with the time of deletion.</summary>
    public IReadOnlyList<(KingdeeSimBill Bill, DateTimeOffset DeletedAt)> Deleted()
    {
        lock (_gate)
        {
            return _deleted.ToList();
        }
    }

    public IReadOnlyList<KingdeeSimBill> Bills()
    {
        lock (_gate)
        {
            return _bills.ToList();
        }
    }

    /// <summary>Platform order numbers stored on more than one bill: each is a doubled order.</summary>
    public IReadOnlyList<string> DuplicateNetOrderBillNos()
    {
        lock (_gate)
        {
            return _bills.GroupBy(b => b.NetOrderBillNo, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        }
    }

    public void Reset(KingdeeSimulatorOptions options)
    {
        lock (_gate)
        {
            _materials.Clear();
            _stock.Clear();
            _bills.Clear();
            _deleted.Clear();
            _nextId = FirstId;
            Seed(options);
        }
    }

    private void Seed(KingdeeSimulatorOptions options)
    {
        foreach (var material in DemoCatalog.ErpMaterials.Concat(options.ExtraMaterials))
        {
            _materials.Add(material);
            _stock[(material, options.StockWarehouse)] = options.DefaultStock;
        }

        foreach (var (material, quantity) in options.Stock)
        {
            _materials.Add(material);
            _stock[(material, options.StockWarehouse)] = quantity;
        }
    }
}

namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

/// <summary>
/// A small ERP held in memory behind the real <see cref="IErpConnector"/> contract: orders keyed by platform order
/// number, stock per material, and every call recorded. Faults are armed per call: the next batch create may commit
/// and then throw (a lost answer), or throw before doing anything; calls may be held until the test releases them.
/// </summary>
internal sealed class InMemoryErp(int maxBatchSize) : IErpConnector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ErpOrderRef> _orders = new(StringComparer.Ordinal);
    private int _nextNumber = 1;
    private Func<Exception>? _nextCreateFailsBeforeCommit;
    private Func<Exception>? _nextCreateFailsAfterCommit;
    private Func<Exception>? _nextLookupFails;

    public string Kind => "InMemory";

    public int MaxBatchSize { get; set; } = maxBatchSize;

    public bool CreateIsIdempotent { get; set; }

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The platform order numbers of each batch look-up, in call order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Lookups { get; } = new();

    /// <summary>The platform order numbers of each batch create, in call order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Creates { get; } = new();

    public ConcurrentQueue<IReadOnlyList<string>> StockQueries { get; } = new();

    public Dictionary<string, decimal> Stock { get; } = new(StringComparer.Ordinal);

    /// <summary>Platform order numbers the ERP refuses as a business rule.</summary>
    public HashSet<string> Refuse { get; } = new(StringComparer.Ordinal);

    /// <summary>Platform order numbers that garble the answer of every create call they are in (nothing is committed).</summary>
    public HashSet<string> Garble { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every look-up waits for it first (to hold a batch in flight).</summary>
    public TaskCompletionSource? HoldLookups { get; set; }

    public IReadOnlyDictionary<string, ErpOrderRef> Orders
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, ErpOrderRef>(_orders, StringComparer.Ordinal);
            }
        }
    }

    public void FailNextCreateBeforeCommit(Func<Exception> error) => _nextCreateFailsBeforeCommit = error;

    public void FailNextCreateAfterCommit(Func<Exception> error) => _nextCreateFailsAfterCommit = error;

    public void FailNextLookup(Func<Exception> error) => _nextLookupFails = error;

    /// <summary>Stores a bill that stopped half-way (status "A"), as a Save whose Submit never came.</summary>
    public void AddHalfDone(string externalOrderNo)
    {
        lock (_gate)
        {
            _orders[externalOrderNo] = new ErpOrderRef($"SO-{_nextNumber++:D4}", "id", "A");
        }
    }

    public async Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        Calls.Enqueue("stock");
        StockQueries.Enqueue([.. materialNumbers]);
        await Task.Yield();
        return new StockLevels(materialNumbers.ToDictionary(m => m, m => Stock.GetValueOrDefault(m), StringComparer.Ordinal));
    }

    public async Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken)
    {
        Calls.Enqueue("find");
        await Task.Yield();
        if (Interlocked.Exchange(ref _nextLookupFails, null) is { } fail)
        {
            throw fail();
        }

        lock (_gate)
        {
            return _orders.GetValueOrDefault(externalOrderNo);
        }
    }

    public async Task<IReadOnlyDictionary<string, ErpOrderRef>> FindManyByExternalOrderNoAsync(IReadOnlyCollection<string> externalOrderNos, CancellationToken cancellationToken)
    {
        Calls.Enqueue("findMany");
        Lookups.Enqueue([.. externalOrderNos]);
        if (HoldLookups is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        await Task.Yield();
        if (Interlocked.Exchange(ref _nextLookupFails, null) is { } fail)
        {
            throw fail();
        }

        lock (_gate)
        {
            return externalOrderNos.Where(_orders.ContainsKey).ToDictionary(n => n, n => _orders[n], StringComparer.Ordinal);
        }
    }

    public async Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        Calls.Enqueue("create");
        await Task.Yield();
        return CreateOne(document);
    }

    public async Task<IReadOnlyList<ErpWriteOutcome>> CreateSalesOrdersAsync(IReadOnlyList<ErpSalesOrder> documents, CancellationToken cancellationToken)
    {
        Calls.Enqueue("createMany");
        Creates.Enqueue(documents.Select(d => d.ExternalOrderNo).ToList());
        await Task.Yield();
        if (Interlocked.Exchange(ref _nextCreateFailsBeforeCommit, null) is { } before)
        {
            throw before();
        }

        if (documents.Any(d => Garble.Contains(d.ExternalOrderNo)))
        {
            throw new ErpProtocolException($"answer about row {documents.Count}, but {documents.Count} were sent");
        }

        var outcomes = documents.Select(CreateOne).ToList();
        if (Interlocked.Exchange(ref _nextCreateFailsAfterCommit, null) is { } after)
        {
            throw after();
        }

        return outcomes;
    }

    public async Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken)
    {
        Calls.Enqueue("complete");
        await Task.Yield();
        lock (_gate)
        {
            var key = _orders.Single(o => o.Value.Number == existing.Number).Key;
            _orders[key] = existing with { DocumentStatus = "C" };
        }

        return ErpWriteOutcome.AlreadyExists(existing.Number);
    }

    public Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Reversal is not part of the batching tests.");

    private ErpWriteOutcome CreateOne(ErpSalesOrder document)
    {
        if (Refuse.Contains(document.ExternalOrderNo))
        {
            return ErpWriteOutcome.Rejected($"customer credit limit exceeded for {document.ExternalOrderNo}");
        }

        lock (_gate)
        {
            if (_orders.ContainsKey(document.ExternalOrderNo))
            {
                throw new InvalidOperationException($"{document.ExternalOrderNo} would be a second ERP order: the caller did not look it up first.");
            }

            var number = $"SO-{_nextNumber++:D4}";
            _orders[document.ExternalOrderNo] = new ErpOrderRef(number, number, "C");
            return ErpWriteOutcome.Created(number);
        }
    }
}

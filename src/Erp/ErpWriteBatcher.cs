namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Writes the sales orders of concurrent WriteErp activities together (DESIGN D4), one per worker process: one
/// governed look-up for the whole batch, CompleteExisting for orders found half-way, then one governed batch create
/// for the rest, and each caller gets its own outcome. Exactly-once (DESIGN D3) holds as for a single order: every
/// attempt looks up before creating, so when a batch create fails transiently (timeout, 5xx, throttled) every order
/// in it is reported Transient and its durable retry finds whatever the ERP did commit. A business refusal of one
/// order rejects only that order. With a connector whose <see cref="IErpConnector.MaxBatchSize"/> is 1 each order is
/// looked up and written on its own, as before batching.
/// <para>A late commit is harmless: every create goes through <see cref="ErpLateCommitGuard"/>.</para>
/// </summary>
public sealed class ErpWriteBatcher : IErpOrderWriter, IDisposable
{
    private readonly IErpConnector _erp;
    private readonly ErpGovernor _governor;
    private readonly ErpLateCommitGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger<ErpWriteBatcher> _logger;
    private readonly ErpRequestBatcher<ErpSalesOrder, ErpWriteOutcome> _batcher;
    private readonly ErpWriteSuspects _suspects;

    public ErpWriteBatcher(
        IErpConnector erp,
        ErpGovernor governor,
        ErpCreateMarkers markers,
        IOptions<ErpBatchingOptions> options,
        IOptions<ErpCommitOptions> commit,
        TimeProvider time,
        ILogger<ErpWriteBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(commit);
        _erp = erp;
        _governor = governor;
        _guard = new ErpLateCommitGuard(erp, markers, commit.Value.CommitHorizon, time, logger);
        _time = time;
        _logger = logger;
        _suspects = new ErpWriteSuspects(time);
        _batcher = new ErpRequestBatcher<ErpSalesOrder, ErpWriteOutcome>(
            erp.MaxBatchSize > 1 ? WriteGatheredAsync : WriteEachAsync, ErpBatchPolicy.For(erp, governor, options.Value), time);
    }

    /// <summary>
    /// Created, AlreadyExists, Rejected or Transient for this document; waits for at most one batch window first. A
    /// document whose gathered call got an answer that could not be matched to its documents is written alone for a while.
    /// </summary>
    public async Task<ErpWriteOutcome> WriteAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_suspects.MustGoAlone(document.ExternalOrderNo))
        {
            return await (await WriteTogetherAsync([document]))[0];
        }

        return await _batcher.SubmitAsync(document, cancellationToken);
    }

    /// <summary>
    /// Writes exactly these documents, now, without waiting for other callers (a batch run brings its own list): the same
    /// look-up, CompleteExisting and batch create as a gathered batch, in calls of at most the connector's batch size.
    /// Each document's task ends with its own outcome, or with the exception that ended its call (an
    /// <see cref="ErpProtocolException"/> when the ERP's answer could not be matched to the documents).
    /// </summary>
    public async Task<IReadOnlyList<Task<ErpWriteOutcome>>> WriteTogetherAsync(IReadOnlyList<ErpSalesOrder> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var entries = documents.Select(d => new ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>(d, 0)).ToList();
        foreach (var call in entries.Chunk(Math.Max(1, _erp.MaxBatchSize)))
        {
            try
            {
                await (_erp.MaxBatchSize > 1 ? WriteBatchAsync(call) : WriteEachAsync(call));
            }
            catch (Exception ex)
            {
                // Not swallowed: the documents of this call, and only those, end with it.
                foreach (var entry in call)
                {
                    entry.Fail(ex);
                }
            }
        }

        return entries.Select(e => e.Completion).ToList();
    }

    public void Dispose() => _batcher.Dispose();

    private async Task WriteGatheredAsync(IReadOnlyList<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries)
    {
        try
        {
            await WriteBatchAsync(entries);
        }
        catch (ErpProtocolException) when (entries.Count > 1)
        {
            _suspects.Remember(entries.Select(e => e.Request.ExternalOrderNo));
            throw;
        }
    }

    private async Task WriteEachAsync(IReadOnlyList<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries)
    {
        foreach (var entry in entries)
        {
            try
            {
                entry.Answer(await _governor.RunAsync(ct => WriteOneAsync(entry.Request, ct), CancellationToken.None));
            }
            catch (ErpTransientException ex)
            {
                entry.Answer(ErpWriteOutcome.Transient(ex.Message));
            }
        }
    }

    private async Task<ErpWriteOutcome> WriteOneAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        var lookedUpAt = _time.GetUtcNow();
        var existing = await _erp.FindByExternalOrderNoAsync(document.ExternalOrderNo, cancellationToken);
        if (existing is not null)
        {
            return await _erp.CompleteExistingAsync(existing, cancellationToken);
        }

        var outcomes = await _guard.CreateAsync(
            [document], lookedUpAt, async (documents, ct) => [await _erp.CreateSalesOrderAsync(documents[0], ct)], cancellationToken);
        return outcomes[0];
    }

    private async Task WriteBatchAsync(IReadOnlyList<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries)
    {
        // The same platform order twice in one batch (a redelivered activity) is written once and both callers hear the outcome.
        var orders = entries.GroupBy(e => e.Request.ExternalOrderNo, StringComparer.Ordinal).ToList();
        var lookedUpAt = _time.GetUtcNow();
        IReadOnlyDictionary<string, ErpOrderRef> existing;
        try
        {
            existing = await _governor.RunAsync(ct => _erp.FindManyByExternalOrderNoAsync(orders.Select(o => o.Key).ToList(), ct), CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            ErpBatchLog.WriteBatchTransient(_logger, orders.Count, "look-up", ex.Message);
            AnswerAll(entries, ErpWriteOutcome.Transient(ex.Message));
            return;
        }

        var tally = new Tally(existing.Count);
        var toCreate = new List<IGrouping<string, ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>>>();
        foreach (var order in orders)
        {
            if (existing.TryGetValue(order.Key, out var found))
            {
                try
                {
                    AnswerAll(order, tally.Count(await CompleteAsync(found)));
                }
                catch (Exception ex)
                {
                    // Only this order's callers: the others' orders are not concerned.
                    foreach (var entry in order)
                    {
                        entry.Fail(ex);
                    }
                }
            }
            else
            {
                toCreate.Add(order);
            }
        }

        if (toCreate.Count > 0)
        {
            await CreateAsync(toCreate, lookedUpAt, tally);
        }

        ErpBatchLog.WriteBatch(_logger, orders.Count, tally.Found, tally.Created, tally.Rejected, tally.Transient);
    }

    private async Task<ErpWriteOutcome> CompleteAsync(ErpOrderRef found)
    {
        try
        {
            return await _governor.RunAsync(ct => _erp.CompleteExistingAsync(found, ct), CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            return ErpWriteOutcome.Transient(ex.Message);
        }
    }

    private async Task CreateAsync(List<IGrouping<string, ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>>> orders, DateTimeOffset lookedUpAt, Tally tally)
    {
        IReadOnlyList<ErpWriteOutcome> outcomes;
        try
        {
            outcomes = await _guard.CreateAsync(
                orders.Select(o => o.First().Request).ToList(),
                lookedUpAt,
                (documents, ct) => _governor.RunAsync(c => _erp.CreateSalesOrdersAsync(documents, c), ct),
                CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            ErpBatchLog.WriteBatchTransient(_logger, orders.Count, "create", ex.Message);
            foreach (var order in orders)
            {
                AnswerAll(order, tally.Count(ErpWriteOutcome.Transient(ex.Message)));
            }

            return;
        }

        for (var i = 0; i < orders.Count; i++)
        {
            AnswerAll(orders[i], tally.Count(outcomes[i]));
        }
    }

    private static void AnswerAll(IEnumerable<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries, ErpWriteOutcome outcome)
    {
        foreach (var entry in entries)
        {
            entry.Answer(outcome);
        }
    }

    private sealed class Tally(int found)
    {
        public int Found { get; } = found;

        public int Created { get; private set; }

        public int Rejected { get; private set; }

        public int Transient { get; private set; }

        public ErpWriteOutcome Count(ErpWriteOutcome outcome)
        {
            switch (outcome.Result)
            {
                case ErpWriteResult.Created:
                    Created++;
                    break;
                case ErpWriteResult.Rejected:
                    Rejected++;
                    break;
                case ErpWriteResult.Transient:
                    Transient++;
                    break;
            }

            return outcome;
        }
    }
}

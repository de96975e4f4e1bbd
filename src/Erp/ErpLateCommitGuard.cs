using Polly.CircuitBreaker;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Makes a late commit harmless (issue 14, item 1) around every create of <see cref="ErpWriteBatcher"/>: an in-flight
/// marker (<see cref="ErpCreateMarkers"/>) before the create, marked answered once the ERP answered it. For an ERP that
/// does not enforce a key derived from the platform order (<see cref="IErpConnector.CreateIsIdempotent"/> false), an
/// order whose earlier create got no answer is not created again until a look-up that started after the commit horizon
/// found nothing; until then it is answered Transient and its durable retry looks again.
/// </summary>
internal sealed class ErpLateCommitGuard(IErpConnector erp, ErpCreateMarkers markers, TimeSpan commitHorizon, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Creates the documents whose look-up (started at <paramref name="lookedUpAt"/>) is conclusive, with an in-flight
    /// marker around the create; the others are answered Transient until the commit horizon of their unanswered create.
    /// </summary>
    public async Task<IReadOnlyList<ErpWriteOutcome>> CreateAsync(
        IReadOnlyList<ErpSalesOrder> documents,
        DateTimeOffset lookedUpAt,
        Func<IReadOnlyList<ErpSalesOrder>, CancellationToken, Task<IReadOnlyList<ErpWriteOutcome>>> create,
        CancellationToken cancellationToken)
    {
        var outcomes = new ErpWriteOutcome?[documents.Count];
        var markedSent = new HashSet<ErpOrderIdentity>();
        if (!erp.CreateIsIdempotent)
        {
            // Orders without a marker get theirs now (no read); only those of a transaction that met a marker are read.
            var all = documents.Select(ErpOrderIdentity.Of).ToList();
            var contested = (await markers.MarkFirstSentAsync(all, time.GetUtcNow(), cancellationToken)).ToHashSet();
            markedSent.UnionWith(all.Where(o => !contested.Contains(o)));
            var found = contested.Count > 0 ? await markers.GetAsync(contested, cancellationToken) : new Dictionary<string, ErpCreateMarker>();
            for (var i = 0; i < documents.Count; i++)
            {
                if (ErpCommitHorizon.InconclusiveUntil(found.GetValueOrDefault(documents[i].ExternalOrderNo), lookedUpAt, commitHorizon) is { } until)
                {
                    ErpBatchLog.AwaitingCommitHorizon(logger, erp.Kind, documents[i].ExternalOrderNo, until);
                    outcomes[i] = ErpWriteOutcome.Transient(
                        $"an earlier create got no answer and the ERP may still commit it; not created again before a look-up after {until:O}");
                }
            }
        }

        var toSend = Enumerable.Range(0, documents.Count).Where(i => outcomes[i] is null).ToList();
        if (toSend.Count == 0)
        {
            return outcomes.Select(o => o!).ToList();
        }

        var sending = toSend.Select(i => documents[i]).ToList();
        var identities = sending.Select(ErpOrderIdentity.Of).ToList();
        await markers.MarkSentAsync(identities.Where(o => !markedSent.Contains(o)).ToList(), time.GetUtcNow(), cancellationToken);
        IReadOnlyList<ErpWriteOutcome> created;
        try
        {
            created = await create(sending, cancellationToken);
        }
        catch (ErpTransientException ex) when (!MayStillCommit(ex))
        {
            await markers.MarkAnsweredAsync(identities, cancellationToken);
            throw;
        }

        if (created.Count != sending.Count)
        {
            throw new ErpProtocolException($"The {erp.Kind} connector answered {created.Count} outcomes for {sending.Count} orders.");
        }

        // Created ones are found by every later look-up; refused and unanswered-row ones must not hold a retry back.
        var answeredWithoutOrder = Enumerable.Range(0, sending.Count).Where(k => !created[k].IsInErp).Select(k => identities[k]).ToList();
        await markers.MarkAnsweredAsync(answeredWithoutOrder, cancellationToken);
        for (var k = 0; k < toSend.Count; k++)
        {
            outcomes[toSend[k]] = created[k];
        }

        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>
    /// Whether a create that failed this way may have reached the ERP and still commit: no answer came (timeout, a
    /// connection dropped after sending). An HTTP answer of any status, throttling, an open circuit or a connection that
    /// never opened mean the ERP is done with it, or never had it.
    /// </summary>
    private static bool MayStillCommit(ErpTransientException failure) => failure.InnerException switch
    {
        null => false,
        BrokenCircuitException => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => false,
        _ => true,
    };
}

using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>
/// K/3 Cloud WebAPI connector: SAL_SaleOrder Save → Submit → Audit (or, for several orders, one BatchSave with
/// IsAutoSubmitAndAudit), lookup by FNetOrderBillNo (one <c>in (...)</c> query for several), stock from STK_Inventory.
/// Reads go through the retrying client, writes through the non-retrying one. A call answered "session lost"
/// (MsgCode 1) was not executed by the server, so it is repeated once after a fresh login, writes included.
/// </summary>
public sealed partial class KingdeeConnector : IErpConnector, IErpMaterialSearch, IDisposable
{
    public const string ConnectorKind = "Kingdee";

    private readonly KingdeeTransport _transport;
    private readonly ErpCredentialCache<KingdeeSession> _sessions;
    private readonly KingdeeOptions _options;
    private readonly ILogger<KingdeeConnector> _logger;

    public KingdeeConnector(
        IHttpClientFactory httpClientFactory,
        IOptions<KingdeeOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _transport = new KingdeeTransport(httpClientFactory, options);
        _sessions = new ErpCredentialCache<KingdeeSession>(
            new KingdeeLogin(_transport, options, time, loggerFactory.CreateLogger<KingdeeLogin>()).LoginAsync, time);
        _logger = loggerFactory.CreateLogger<KingdeeConnector>();
    }

    public string Kind => ConnectorKind;

    public int MaxBatchSize => _options.MaxBatchSize;

    public async Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        var answer = await QueryAsync(KingdeeSaleOrderQueries.ByExternalOrderNo(externalOrderNo), cancellationToken);
        return ErpLookupCheck.Existing(Kind, externalOrderNo, KingdeeSaleOrderQueries.ParseRefs(answer), KingdeeSaleOrderQueries.PickExisting, _logger);
    }

    /// <summary>One ExecuteBillQuery per <see cref="MaxBatchSize"/> numbers, <c>FNetOrderBillNo in (...)</c>, paged.</summary>
    public async Task<IReadOnlyDictionary<string, ErpOrderRef>> FindManyByExternalOrderNoAsync(
        IReadOnlyCollection<string> externalOrderNos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalOrderNos);
        var wanted = externalOrderNos.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, ErpOrderRef>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(_options.MaxBatchSize))
        {
            var rows = await QueryAllPagesAsync(KingdeeSaleOrderQueries.ByExternalOrderNos(chunk), cancellationToken);
            foreach (var (externalOrderNo, refs) in ErpLookupCheck.MatchingMany(Kind, chunk, KingdeeSaleOrderQueries.ParseRefs(rows), _logger))
            {
                found[externalOrderNo] = ErpLookupCheck.Picked(Kind, externalOrderNo, refs, KingdeeSaleOrderQueries.PickExisting, _logger)!;
            }
        }

        return found;
    }

    public async Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = KingdeeSaleOrderValidator.Validate(document);
        var orderLabel = "platform order " + document.ExternalOrderNo;
        if (problems.Count > 0)
        {
            return Refused("Save", orderLabel, "invalid sales order: " + string.Join("; ", problems));
        }

        var saveBody = KingdeeSaleOrderBuilder.BuildSaveBody(document, _options.WriteMarketingFields);
        var saved = await WriteAsync(KingdeeServices.Save, saveBody, cancellationToken);
        if (saved.Kind == KingdeeAnswerKind.Rejected)
        {
            return Refused("Save", orderLabel, saved.Status.ErrorText());
        }

        var number = saved.BillNumber
            ?? throw new ErpProtocolException("Kingdee Save succeeded without returning the bill number.");
        KingdeeLog.Advanced(_logger, number, orderLabel, KingdeeDocumentStatus.Created);
        var refusal = await SubmitAndAuditAsync(number, KingdeeDocumentStatus.Created, orderLabel, cancellationToken);
        return refusal ?? ErpWriteOutcome.Created(number);
    }

    /// <summary>
    /// One BatchSave per <see cref="MaxBatchSize"/> valid documents, with IsAutoSubmitAndAudit so each saved bill ends
    /// audited in that one call. Rows are matched by DIndex: a row the server refused is Rejected with its own errors, a
    /// row the answer does not mention is Transient (the caller's look-up before retrying finds it if it was saved).
    /// Invalid documents are Rejected without being sent.
    /// </summary>
    public async Task<IReadOnlyList<ErpWriteOutcome>> CreateSalesOrdersAsync(IReadOnlyList<ErpSalesOrder> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var outcomes = new ErpWriteOutcome[documents.Count];
        var toSend = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            var problems = KingdeeSaleOrderValidator.Validate(documents[i]);
            if (problems.Count > 0)
            {
                outcomes[i] = Refused("BatchSave", "platform order " + documents[i].ExternalOrderNo, "invalid sales order: " + string.Join("; ", problems));
            }
            else
            {
                toSend.Add(i);
            }
        }

        foreach (var chunk in toSend.Chunk(_options.MaxBatchSize))
        {
            var batch = chunk.Select(i => documents[i]).ToList();
            var answer = await WriteAsync(KingdeeServices.BatchSave, KingdeeSaleOrderBuilder.BuildBatchSaveBody(batch, _options.WriteMarketingFields), cancellationToken);
            var items = KingdeeBatchSaveResult.PerDocument(answer.Status, batch.Count);
            for (var k = 0; k < chunk.Length; k++)
            {
                outcomes[chunk[k]] = ToOutcome(items[k], "platform order " + batch[k].ExternalOrderNo);
            }
        }

        return outcomes;
    }

    public async Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var refusal = await SubmitAndAuditAsync(existing.Number, existing.DocumentStatus, "existing bill " + existing.Number, cancellationToken);
        return refusal ?? ErpWriteOutcome.AlreadyExists(existing.Number);
    }

    public void Dispose() => _sessions.Dispose();

    /// <summary>Submit (from A/D/Z) then Audit (from B); null when the bill ends audited, else the Rejected outcome.</summary>
    private async Task<ErpWriteOutcome?> SubmitAndAuditAsync(string number, string status, string orderLabel, CancellationToken cancellationToken)
    {
        if (status is KingdeeDocumentStatus.Audited)
        {
            return null;
        }

        if (status is KingdeeDocumentStatus.Created or KingdeeDocumentStatus.Reaudit or KingdeeDocumentStatus.Draft)
        {
            var submitted = await WriteAsync(
                KingdeeServices.Submit, KingdeeOperationRequest.Submit(KingdeeFormIds.SaleOrder, [number]), cancellationToken);
            if (submitted.Kind == KingdeeAnswerKind.Rejected)
            {
                return Refused("Submit", orderLabel, $"bill {number} is saved but Submit was refused: {submitted.Status.ErrorText()}");
            }

            KingdeeLog.Advanced(_logger, number, orderLabel, KingdeeDocumentStatus.Submitted);
            status = KingdeeDocumentStatus.Submitted;
        }

        if (status is not KingdeeDocumentStatus.Submitted)
        {
            return Refused("Audit", orderLabel, $"bill {number} has document status '{status}', which cannot be completed");
        }

        var audited = await WriteAsync(
            KingdeeServices.Audit, KingdeeOperationRequest.Audit(KingdeeFormIds.SaleOrder, [number]), cancellationToken);
        if (audited.Kind == KingdeeAnswerKind.Rejected)
        {
            return Refused("Audit", orderLabel, $"bill {number} is submitted but Audit was refused: {audited.Status.ErrorText()}");
        }

        KingdeeLog.Advanced(_logger, number, orderLabel, KingdeeDocumentStatus.Audited);
        return null;
    }

    private ErpWriteOutcome ToOutcome(KingdeeBatchItem item, string orderLabel)
    {
        switch (item.Kind)
        {
            case KingdeeBatchItemKind.Saved:
                KingdeeLog.Advanced(_logger, item.BillNumber!, orderLabel, KingdeeDocumentStatus.Audited);
                return ErpWriteOutcome.Created(item.BillNumber!);
            case KingdeeBatchItemKind.Refused:
                return Refused("BatchSave", orderLabel, item.Reason ?? "refused without a message");
            default:
                ErpConnectorLog.Transient(_logger, ConnectorKind, "BatchSave", $"{orderLabel}: {item.Reason}");
                return ErpWriteOutcome.Transient(item.Reason ?? "Kingdee BatchSave gave no answer for the order");
        }
    }

    private ErpWriteOutcome Refused(string step, string orderLabel, string reason)
    {
        ErpConnectorLog.Refused(_logger, ConnectorKind, step, orderLabel, reason);
        return ErpWriteOutcome.Rejected($"Kingdee {step}: {reason}");
    }

    private Task<KingdeeWriteResponse> WriteAsync(string service, string body, CancellationToken cancellationToken) =>
        CallAsync(KingdeeHttpClients.Write, service, body, KingdeeResponseParser.ParseWrite, r => r.Kind, r => r.Status, cancellationToken);

    /// <summary>Every row of a query, page after page until one comes back short.</summary>
    private async Task<List<IReadOnlyList<string?>>> QueryAllPagesAsync(KingdeeBillQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        while (true)
        {
            var page = await QueryAsync(query, cancellationToken);
            rows.AddRange(page.Rows);
            if (page.Rows.Count < query.Limit)
            {
                return rows;
            }

            query = query.NextPage();
        }
    }

    private async Task<KingdeeQueryResponse> QueryAsync(KingdeeBillQuery query, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(
            KingdeeHttpClients.Read, KingdeeServices.ExecuteBillQuery, query.ToBody(), KingdeeResponseParser.ParseQuery, r => r.Kind, r => r.Error, cancellationToken);
        return answer.Kind == KingdeeAnswerKind.Rejected
            ? throw new ErpProtocolException($"Kingdee ExecuteBillQuery on {query.FormId} was refused: {answer.Error!.ErrorText()}")
            : answer;
    }

    /// <summary>Sends a call with the session; re-logs in once on MsgCode 1; throttling and server trouble throw transient.</summary>
    private async Task<T> CallAsync<T>(
        string clientName,
        string service,
        string body,
        Func<string, T> parse,
        Func<T, KingdeeAnswerKind> kindOf,
        Func<T, KingdeeResponseStatus?> statusOf,
        CancellationToken cancellationToken)
    {
        var name = KingdeeTransport.ShortName(service);
        var result = await _sessions.SendAsync(
            async session => parse((await _transport.PostAsync(clientName, service, body, session, cancellationToken)).Body),
            r => kindOf(r) == KingdeeAnswerKind.SessionLost,
            () => KingdeeLog.SessionLost(_logger, name),
            () => Transient(name, "the session was lost again right after a fresh login"),
            cancellationToken);
        switch (kindOf(result))
        {
            case KingdeeAnswerKind.Throttled:
                ErpConnectorLog.Transient(_logger, ConnectorKind, name, "call limit reached (MsgCode 14)");
                throw new ErpThrottledException($"Kingdee {name}: call limit reached (MsgCode 14): {statusOf(result)?.ErrorText()}");
            case KingdeeAnswerKind.Transient:
                throw Transient(name, statusOf(result)?.ErrorText() ?? "server trouble");
            default:
                return result;
        }
    }

    private ErpTransientException Transient(string service, string reason)
    {
        ErpConnectorLog.Transient(_logger, ConnectorKind, service, reason);
        return new ErpTransientException($"Kingdee {service}: {reason}");
    }
}

using ServerlessSync.Domain.Erp.Jushuitan;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>
/// Jushuitan open-API connector: orders/upload keyed by (shop_id, so_id = platform order number), lookup through
/// orders/single/query by so_ids, stock from inventory/query (qty − order_lock − pick_lock). Jushuitan has no
/// submit or audit API (review happens inside the ERP), so an uploaded order is complete. Uploads go through the
/// non-retrying client; a so_id the shop already holds is reported AlreadyExists.
/// </summary>
public sealed partial class JushuitanConnector : IErpConnector
{
    public const string ConnectorKind = "Jushuitan";

    private readonly JushuitanTransport _transport;
    private readonly JushuitanOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JushuitanConnector> _logger;

    public JushuitanConnector(IHttpClientFactory httpClientFactory, IOptions<JushuitanOptions> options, TimeProvider time, ILogger<JushuitanConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _transport = new JushuitanTransport(httpClientFactory, options, time);
        _time = time;
        _logger = logger;
    }

    public string Kind => ConnectorKind;

    /// <summary>so_id is unique per shop: a second upload of it is refused or folded into the first.</summary>
    public bool CreateIsIdempotent => true;

    public int MaxBatchSize => _options.UploadBatchSize;

    public async Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        var found = await FindManyByExternalOrderNoAsync([externalOrderNo], cancellationToken);
        return found.TryGetValue(externalOrderNo, out var existing) ? existing : null;
    }

    /// <summary>orders/single/query with up to <see cref="JushuitanOrderQuery.PageSize"/> so_ids per call, following has_next.</summary>
    public async Task<IReadOnlyDictionary<string, ErpOrderRef>> FindManyByExternalOrderNoAsync(
        IReadOnlyCollection<string> externalOrderNos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalOrderNos);
        var wanted = externalOrderNos.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, ErpOrderRef>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(JushuitanOrderQuery.PageSize))
        {
            for (var page = 1; ; page++)
            {
                var answer = await ReadAsync(JushuitanPaths.OrdersQuery, JushuitanOrderQuery.BySoIdsBiz(chunk, _options.ShopId, page), cancellationToken);
                var refs = JushuitanOrderQuery.ParseRefs(answer);
                foreach (var (soId, matching) in ErpLookupCheck.MatchingMany(Kind, chunk, refs.Values, _logger))
                {
                    found.TryAdd(soId, matching[0]);
                }

                if (refs.Count == 0 || !JushuitanOrderQuery.HasNextPage(answer))
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The whole list through <see cref="UploadOrdersAsync"/>: one orders/upload per <see cref="MaxBatchSize"/> orders.</summary>
    public Task<IReadOnlyList<ErpWriteOutcome>> CreateSalesOrdersAsync(IReadOnlyList<ErpSalesOrder> documents, CancellationToken cancellationToken) =>
        UploadOrdersAsync(documents, cancellationToken);

    public async Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var outcomes = await UploadOrdersAsync([document], cancellationToken);
        return outcomes[0];
    }

    /// <summary>Nothing to finish: Jushuitan has no submit/audit step, an uploaded order is waiting for review in the ERP.</summary>
    public Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return Task.FromResult(ErpWriteOutcome.AlreadyExists(existing.Number));
    }

    /// <summary>
    /// Re-uploads the order with shop_status TRADE_CLOSED (see <see cref="JushuitanOrderClose"/>). An order already
    /// closed is reported Reversed without a call; one the ERP does not hold is Rejected.
    /// </summary>
    public async Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var oId = existing.Number;
        var order = JushuitanOrderClose.FindOrder(
            await ReadAsync(JushuitanPaths.OrdersQuery, JushuitanOrderClose.ByOIdBiz(oId, _options.ShopId), cancellationToken), oId);
        if (order is null)
        {
            return RefusedClose(oId, $"the ERP does not hold order {oId}");
        }

        var soId = JushuitanOrderClose.SoIdOf(order);
        if (existing.ExternalOrderNo is { } asked && !string.Equals(soId, asked, StringComparison.Ordinal))
        {
            return RefusedClose(asked, $"ERP order {oId} carries so_id {soId}, not {asked}; not closed");
        }

        if (!JushuitanOrderClose.IsClosed(order))
        {
            var answer = await CallAsync(JushuitanHttpClients.Write, JushuitanPaths.OrdersUpload, JushuitanOrderClose.BuildBiz(order, _options.ShopId), cancellationToken);
            if (answer.Kind == JushuitanAnswerKind.Rejected)
            {
                return RefusedClose(soId, answer.ErrorText());
            }

            var item = JushuitanUploadResult.Parse(answer).FirstOrDefault(i => i.SoId == soId)
                ?? throw new ErpProtocolException($"Jushuitan orders/upload gave no result for so_id {soId}.");
            // "Already exists" answers a re-upload whose shop_status is unchanged: a concurrent close got there first.
            if (item.Verdict == JushuitanUploadVerdict.Refused)
            {
                return RefusedClose(soId, item.Message.Length > 0 ? item.Message : "refused without a message");
            }
        }

        JushuitanLog.Closed(_logger, oId, soId, reason);
        return ErpWriteOutcome.Reversed(oId);
    }

    /// <summary>
    /// Uploads several orders, <see cref="JushuitanOptions.UploadBatchSize"/> per orders/upload call, and returns one
    /// outcome per document in input order, read from each element's <c>issuccess</c>. Invalid documents are Rejected
    /// without being sent. Throws <see cref="ErpTransientException"/> when a call fails transiently (network, 5xx,
    /// throttling 199/200, refused credentials); orders of calls made before it may be stored, and a retry reports
    /// them AlreadyExists.
    /// </summary>
    public async Task<IReadOnlyList<ErpWriteOutcome>> UploadOrdersAsync(IReadOnlyList<ErpSalesOrder> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var outcomes = new ErpWriteOutcome[documents.Count];
        var toSend = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            var problems = JushuitanOrderValidator.Validate(documents[i]);
            if (problems.Count > 0)
            {
                outcomes[i] = Refused(documents[i].ExternalOrderNo, "invalid sales order: " + string.Join("; ", problems));
            }
            else
            {
                toSend.Add(i);
            }
        }

        foreach (var chunk in toSend.Chunk(_options.UploadBatchSize))
        {
            var batch = chunk.Select(i => documents[i]).ToList();
            var results = await UploadChunkAsync(batch, cancellationToken);
            for (var k = 0; k < chunk.Length; k++)
            {
                outcomes[chunk[k]] = results[k];
            }
        }

        return outcomes;
    }

    public async Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(materialNumbers);
        var requested = materialNumbers.Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).ToList();
        var available = requested.ToDictionary(m => m, _ => 0m, StringComparer.Ordinal);
        foreach (var batch in requested.Chunk(JushuitanInventoryQuery.MaxSkusPerCall))
        {
            for (var page = 1; ; page++)
            {
                var answer = await ReadAsync(JushuitanPaths.InventoryQuery, JushuitanInventoryQuery.BuildBiz(batch, page, _options.WmsCoId), cancellationToken);
                var rows = JushuitanInventoryQuery.Parse(answer);
                foreach (var row in rows.Rows.Where(r => available.ContainsKey(r.SkuId)))
                {
                    available[row.SkuId] += row.Available;
                }

                if (!rows.HasNext || rows.Rows.Count == 0)
                {
                    break;
                }
            }
        }

        return new StockLevels(available);
    }

    private async Task<ErpWriteOutcome[]> UploadChunkAsync(IReadOnlyList<ErpSalesOrder> batch, CancellationToken cancellationToken)
    {
        var biz = JushuitanOrderUpload.BuildBiz(batch, _options.ShopId);
        var answer = await CallAsync(JushuitanHttpClients.Write, JushuitanPaths.OrdersUpload, biz, cancellationToken);
        if (answer.Kind == JushuitanAnswerKind.Rejected)
        {
            return batch.Select(d => Refused(d.ExternalOrderNo, answer.ErrorText())).ToArray();
        }

        var items = JushuitanUploadResult.Parse(answer);
        var outcomes = new ErpWriteOutcome[batch.Count];
        for (var k = 0; k < batch.Count; k++)
        {
            var soId = batch[k].ExternalOrderNo;
            // Elements answer in input order; match by so_id when the server left some out.
            var item = items.Count == batch.Count && items[k].SoId == soId ? items[k] : items.FirstOrDefault(i => i.SoId == soId)
                ?? throw new ErpProtocolException($"Jushuitan orders/upload gave no result for so_id {soId}.");
            outcomes[k] = await ToOutcomeAsync(item, cancellationToken);
        }

        return outcomes;
    }

    private async Task<ErpWriteOutcome> ToOutcomeAsync(JushuitanUploadItem item, CancellationToken cancellationToken)
    {
        switch (item.Verdict)
        {
            case JushuitanUploadVerdict.Created when item.HasOId:
                JushuitanLog.Uploaded(_logger, item.OId!, item.SoId, "created");
                return ErpWriteOutcome.Created(item.OId!);
            case JushuitanUploadVerdict.Created:
                throw new ErpProtocolException($"Jushuitan accepted so_id {item.SoId} without an o_id.");
            case JushuitanUploadVerdict.AlreadyExists:
                var number = item.HasOId ? item.OId! : (await FindByExternalOrderNoAsync(item.SoId, cancellationToken))?.Number;
                if (number is null)
                {
                    return Refused(item.SoId, $"the ERP says the order exists but it cannot be found: {item.Message}");
                }

                JushuitanLog.Uploaded(_logger, number, item.SoId, "already there");
                return ErpWriteOutcome.AlreadyExists(number);
            default:
                return Refused(item.SoId, item.Message.Length > 0 ? item.Message : "refused without a message");
        }
    }

    private ErpWriteOutcome RefusedClose(string soId, string reason)
    {
        ErpConnectorLog.Refused(_logger, ConnectorKind, "upload", soId, reason);
        return ErpWriteOutcome.Rejected("Jushuitan close (orders/upload TRADE_CLOSED): " + reason);
    }

    private ErpWriteOutcome Refused(string soId, string reason)
    {
        ErpConnectorLog.Refused(_logger, ConnectorKind, "upload", soId, reason);
        return ErpWriteOutcome.Rejected("Jushuitan orders/upload: " + reason);
    }

    private async Task<JushuitanResponse> ReadAsync(string path, string biz, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(JushuitanHttpClients.Read, path, biz, cancellationToken);
        return answer.Kind == JushuitanAnswerKind.Success
            ? answer
            : throw new ErpProtocolException($"Jushuitan {JushuitanTransport.ShortName(path)} was refused: {answer.ErrorText()}");
    }

    /// <summary>One signed call; throttling and refused credentials throw transient (the server ran nothing).</summary>
    private async Task<JushuitanResponse> CallAsync(string clientName, string path, string biz, CancellationToken cancellationToken)
    {
        var api = JushuitanTransport.ShortName(path);
        var answer = await _transport.PostAsync(clientName, path, biz, cancellationToken);
        switch (answer.Kind)
        {
            case JushuitanAnswerKind.Throttled:
                ErpConnectorLog.Transient(_logger, ConnectorKind, api, "throttled: " + answer.ErrorText());
                throw new ErpThrottledException($"Jushuitan {api}: throttled: {answer.ErrorText()}");
            case JushuitanAnswerKind.AuthFailed:
                JushuitanLog.AuthFailed(_logger, api, answer.ErrorText());
                throw new ErpTransientException($"Jushuitan {api}: credentials refused: {answer.ErrorText()}");
            default:
                return answer;
        }
    }
}

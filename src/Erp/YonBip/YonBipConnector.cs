using ServerlessSync.Domain.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>
/// YonBIP open-API connector: sd/voucherorder singleSave (with a deterministic resubmitCheckKey) → batchsubmit →
/// batchaudit, lookup through voucherorder/list on the header define holding the platform order number, stock from
/// QueryCurrentStocksByCondition. Reads go through the retrying client, writes through the non-retrying one. A call
/// answered 310036 (bad or expired token) was not run by the gateway, so it is repeated once with a fresh token.
/// </summary>
public sealed partial class YonBipConnector : IErpConnector, IErpMaterialSearch, IDisposable
{
    public const string ConnectorKind = "YonBip";

    private readonly YonBipTransport _transport;
    private readonly ErpCredentialCache<YonBipToken> _tokens;
    private readonly YonBipOptions _options;
    private readonly YonBipSaleOrderSettings _settings;
    private readonly ILogger<YonBipConnector> _logger;

    public YonBipConnector(IHttpClientFactory httpClientFactory, IOptions<YonBipOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _settings = _options.SaleOrderSettings();
        _transport = new YonBipTransport(httpClientFactory, options);
        _tokens = new ErpCredentialCache<YonBipToken>(
            new YonBipTokenFetch(_transport, options, time, loggerFactory.CreateLogger<YonBipTokenFetch>()).FetchAsync, time, t => t.RenewAt);
        _logger = loggerFactory.CreateLogger<YonBipConnector>();
    }

    public string Kind => ConnectorKind;

    /// <summary>resubmitCheckKey: the gateway answers the first result again (or 100004 with its id) for the same key.</summary>
    public bool CreateIsIdempotent => true;

    public async Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        var answer = await ReadAsync(
            YonBipPaths.SaleOrderList, YonBipSaleOrderQueries.ByExternalOrderNoBody(externalOrderNo, _options.ExternalOrderNoDefine), cancellationToken);
        return ErpLookupCheck.Existing(Kind, externalOrderNo, YonBipSaleOrderQueries.ParseRefs(answer, _options.ExternalOrderNoDefine), YonBipSaleOrderQueries.PickExisting, _logger);
    }

    public async Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var orderLabel = "platform order " + document.ExternalOrderNo;
        var problems = YonBipSaleOrderValidator.Validate(document);
        if (problems.Count > 0)
        {
            return Refused("singleSave", orderLabel, "invalid sales order: " + string.Join("; ", problems));
        }

        var body = YonBipSaleOrderBuilder.BuildSaveBody(document, _settings);
        var saved = await CallAsync(YonBipHttpClients.Write, YonBipPaths.SaleOrderSave, body, cancellationToken);
        if (saved.Kind == YonBipAnswerKind.Rejected)
        {
            return Refused("singleSave", orderLabel, saved.ErrorText());
        }

        var result = YonBipSaveResult.FromData(saved);
        var duplicate = saved.Kind == YonBipAnswerKind.Duplicate;
        if (duplicate)
        {
            YonBipLog.DuplicateSubmission(_logger, orderLabel, result.Id);
        }

        var order = result.Code is not null && result.VerifyState is not null
            ? new ErpOrderRef(result.Code, result.Id, result.VerifyState)
            : await DetailAsync(result.Id, cancellationToken);
        YonBipLog.Advanced(_logger, order.Number, orderLabel, order.DocumentStatus);
        var refusal = await SubmitAndAuditAsync(order, orderLabel, cancellationToken);
        return refusal ?? (duplicate ? ErpWriteOutcome.AlreadyExists(order.Number) : ErpWriteOutcome.Created(order.Number));
    }

    public async Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var order = YonBipVerifyState.Progress(existing.DocumentStatus) > 0 ? existing : await DetailAsync(existing.Id, cancellationToken);
        var refusal = await SubmitAndAuditAsync(order, "existing order " + order.Number, cancellationToken);
        return refusal ?? ErpWriteOutcome.AlreadyExists(order.Number);
    }

    /// <summary>
    /// The reference documents batchunaudit and delete (not a close API), so an order is reversed by deleting it:
    /// 已审核 → batchunaudit (back to 开立) → delete; 审批中 → batchaudit first, because the reference names no
    /// un-submit API; 开立 → delete. An order the detail API no longer knows has already been reversed.
    /// </summary>
    public async Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var current = await TryDetailAsync(existing.Id, cancellationToken);
        if (current is null)
        {
            YonBipLog.Reversed(_logger, existing.Number, "already gone");
            return ErpWriteOutcome.Reversed(existing.Number);
        }

        var orderLabel = "order " + current.Number;
        if (existing.ExternalOrderNo is { } asked && !ErpLookupCheck.IsFor(current, asked))
        {
            return Refused("delete", orderLabel, $"order {current.Number} carries platform order {current.ExternalOrderNo ?? "(none)"}, not {asked}; not reversed");
        }

        var state = current.DocumentStatus;
        if (state == YonBipVerifyState.Approving)
        {
            var audited = await BatchAsync(YonBipPaths.SaleOrderAudit, current.Id, cancellationToken);
            if (!audited.AllSucceeded)
            {
                return Refused("batchaudit", orderLabel, $"submitted order could not be audited for reversal: {audited.ErrorText()}");
            }

            state = YonBipVerifyState.Approved;
        }

        if (state == YonBipVerifyState.Approved)
        {
            var unaudited = await BatchAsync(YonBipPaths.SaleOrderUnaudit, current.Id, cancellationToken);
            if (!unaudited.AllSucceeded)
            {
                return Refused("batchunaudit", orderLabel, unaudited.ErrorText());
            }

            YonBipLog.Advanced(_logger, current.Number, orderLabel, YonBipVerifyState.Open);
        }

        var deleted = await CallAsync(
            YonBipHttpClients.Write, YonBipPaths.SaleOrderDelete, YonBipSaleOrderDelete.BuildBody(current.Id, current.Number), cancellationToken);
        if (deleted.Kind == YonBipAnswerKind.Rejected && await TryDetailAsync(current.Id, cancellationToken) is not null)
        {
            return Refused("delete", orderLabel, deleted.ErrorText());
        }

        YonBipLog.Reversed(_logger, current.Number, reason);
        return ErpWriteOutcome.Reversed(current.Number);
    }

    public async Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(materialNumbers);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var material in materialNumbers.Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal))
        {
            var body = YonBipStockQuery.BuildBody(material, _options.StockQueryOrg, _options.StockQueryWarehouse);
            result[material] = YonBipStockQuery.SumAvailable(await ReadAsync(YonBipPaths.CurrentStock, body, cancellationToken));
        }

        return new StockLevels(result);
    }

    public async Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken)
    {
        var byName = YonBipProductQuery.Parse(await ReadAsync(YonBipPaths.ProductList, YonBipProductQuery.BuildBody("name", text, top), cancellationToken));
        var byCode = byName.Count >= top ? [] : YonBipProductQuery.Parse(await ReadAsync(YonBipPaths.ProductList, YonBipProductQuery.BuildBody("code", text, top), cancellationToken));
        return byName.Concat(byCode).DistinctBy(m => m.Number, StringComparer.Ordinal).Take(top).ToList();
    }

    public void Dispose() => _tokens.Dispose();

    /// <summary>
    /// batchsubmit (from 开立) then batchaudit (from 审批中); null when the order ends audited, else the Rejected outcome.
    /// A refused step is checked against the order's detail first: batch operations are not idempotent, and an order
    /// an earlier attempt (or a replayed save answer) showed as open may already be further along.
    /// </summary>
    private async Task<ErpWriteOutcome?> SubmitAndAuditAsync(ErpOrderRef order, string orderLabel, CancellationToken cancellationToken)
    {
        var state = order.DocumentStatus;
        if (state == YonBipVerifyState.Open)
        {
            var submitted = await BatchAsync(YonBipPaths.SaleOrderSubmit, order.Id, cancellationToken);
            if (submitted.AllSucceeded)
            {
                state = submitted.StateOf(order.Id) ?? YonBipVerifyState.Approving;
            }
            else if (await TryDetailAsync(order.Id, cancellationToken) is { } current && YonBipVerifyState.Progress(current.DocumentStatus) > YonBipVerifyState.Progress(YonBipVerifyState.Open))
            {
                state = current.DocumentStatus;
            }
            else
            {
                return Refused("batchsubmit", orderLabel, $"order {order.Number} is saved but submit was refused: {submitted.ErrorText()}");
            }

            YonBipLog.Advanced(_logger, order.Number, orderLabel, state);
        }

        if (state == YonBipVerifyState.Approved)
        {
            return null;
        }

        if (state != YonBipVerifyState.Approving)
        {
            return Refused("batchaudit", orderLabel, $"order {order.Number} has verifystate '{state}', which cannot be completed");
        }

        var audited = await BatchAsync(YonBipPaths.SaleOrderAudit, order.Id, cancellationToken);
        if (!audited.AllSucceeded && (await TryDetailAsync(order.Id, cancellationToken))?.DocumentStatus != YonBipVerifyState.Approved)
        {
            return Refused("batchaudit", orderLabel, $"order {order.Number} is submitted but audit was refused: {audited.ErrorText()}");
        }

        YonBipLog.Advanced(_logger, order.Number, orderLabel, YonBipVerifyState.Approved);
        return null;
    }

    private async Task<YonBipBatchResult> BatchAsync(string path, string id, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(YonBipHttpClients.Write, path, YonBipBatchResult.BuildBody([id]), cancellationToken);
        return answer.Kind == YonBipAnswerKind.Success
            ? YonBipBatchResult.FromData(answer)
            : new YonBipBatchResult(1, 0, 1, [answer.ErrorText()], []);
    }

    private async Task<ErpOrderRef> DetailAsync(string id, CancellationToken cancellationToken) =>
        await TryDetailAsync(id, cancellationToken)
        ?? throw new ErpProtocolException($"YonBIP voucherorder/detail does not know order id {id}.");

    /// <summary>The order's current code and state, or null when the detail API refuses (e.g. no such order).</summary>
    private async Task<ErpOrderRef?> TryDetailAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(
            YonBipTransport.ShortName(YonBipPaths.SaleOrderDetail),
            token => _transport.GetAsync(YonBipPaths.SaleOrderDetail, token, ("id", id), cancellationToken),
            cancellationToken);
        return answer.Kind == YonBipAnswerKind.Success ? YonBipOrderRecord.ParseDetail(answer, _options.ExternalOrderNoDefine) : null;
    }

    private ErpWriteOutcome Refused(string step, string orderLabel, string reason)
    {
        ErpConnectorLog.Refused(_logger, ConnectorKind, step, orderLabel, reason);
        return ErpWriteOutcome.Rejected($"YonBIP {step}: {reason}");
    }

    private async Task<YonBipResponse> ReadAsync(string path, string body, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(YonBipHttpClients.Read, path, body, cancellationToken);
        return answer.Kind == YonBipAnswerKind.Success
            ? answer
            : throw new ErpProtocolException($"YonBIP {YonBipTransport.ShortName(path)} was refused: {answer.ErrorText()}");
    }

    private Task<YonBipResponse> CallAsync(string clientName, string path, string body, CancellationToken cancellationToken) =>
        SendAsync(YonBipTransport.ShortName(path), token => _transport.PostAsync(clientName, path, token, body, cancellationToken), cancellationToken);

    /// <summary>Sends with the current token; renews it once on 310036; throttling and gateway trouble throw transient.</summary>
    private async Task<YonBipResponse> SendAsync(string api, Func<string, Task<string>> send, CancellationToken cancellationToken)
    {
        var answer = await _tokens.SendAsync(
            async token => YonBipResponse.Parse(await send(token.Value)),
            a => a.Kind == YonBipAnswerKind.TokenInvalid,
            () => YonBipLog.TokenRejected(_logger, api),
            () => Transient(api, "the token was refused again right after a fresh one was fetched"),
            cancellationToken);
        switch (answer.Kind)
        {
            case YonBipAnswerKind.Throttled:
                ErpConnectorLog.Transient(_logger, ConnectorKind, api, "throttled");
                throw new ErpThrottledException($"YonBIP {api}: throttled: {answer.ErrorText()}");
            case YonBipAnswerKind.Transient:
                throw Transient(api, answer.ErrorText());
            default:
                return answer;
        }
    }

    private ErpTransientException Transient(string api, string reason)
    {
        ErpConnectorLog.Transient(_logger, ConnectorKind, api, reason);
        return new ErpTransientException($"YonBIP {api}: {reason}");
    }
}

using ServerlessSync.Domain.Erp.Sap;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>
/// S/4HANA OData V2 connector: deep insert into API_SALES_ORDER_SRV/A_SalesOrder, lookup by PurchaseOrderByCustomer,
/// stock from API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod. Reads go through the retrying client, creates through the
/// non-retrying one. A create refused with 403 <c>X-CSRF-Token: Required</c> was not executed by the server, so it is sent
/// once more with a freshly fetched token. A created order is active at once: SAP has no separate approval step here.
/// </summary>
public sealed partial class SapConnector : IErpConnector, IErpMaterialSearch, IDisposable
{
    public const string ConnectorKind = "Sap";

    /// <summary>Stops a gateway whose <c>__next</c> links never end.</summary>
    private const int MaxPagesPerQuery = 1000;

    private readonly SapTransport _transport;
    private readonly ErpCredentialCache<SapCsrfSession> _tokens;
    private readonly SapOptions _options;
    private readonly SapSalesOrderSettings _settings;
    private readonly ILogger<SapConnector> _logger;

    public SapConnector(IHttpClientFactory httpClientFactory, IOptions<SapOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _settings = _options.ToSettings();
        _transport = new SapTransport(httpClientFactory, options);
        _tokens = new ErpCredentialCache<SapCsrfSession>(
            new SapCsrfFetch(_transport, options, loggerFactory.CreateLogger<SapCsrfFetch>()).FetchAsync, time);
        _logger = loggerFactory.CreateLogger<SapConnector>();
    }

    public string Kind => ConnectorKind;

    public async Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        var url = SapServices.EntitySet(
            _transport.BaseUrl, SapServices.SalesOrder, SapServices.SalesOrderSet,
            SapSalesOrderQueries.ByPurchaseOrder(externalOrderNo, _settings.SalesOrganization), _options.Client);
        var body = await ReadAsync(url, "sales order lookup", cancellationToken);
        return ErpLookupCheck.Existing(Kind, externalOrderNo, SapSalesOrderQueries.ParseRefs(body), SapSalesOrderQueries.PickExisting, _logger);
    }

    public async Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var orderLabel = "platform order " + document.ExternalOrderNo;
        var problems = SapSalesOrderValidator.Validate(document, _settings);
        if (problems.Count > 0)
        {
            return Refused(orderLabel, "invalid sales order: " + string.Join("; ", problems));
        }

        var body = SapSalesOrderBuilder.BuildBody(document, _settings);
        var url = SapServices.EntitySet(_transport.BaseUrl, SapServices.SalesOrder, SapServices.SalesOrderSet, SapODataQuery.Empty, _options.Client);
        var answer = await SendWithTokenAsync(HttpMethod.Post, url, body, null, "sales order create", cancellationToken);
        switch (answer.Kind)
        {
            case SapAnswerKind.Success:
                var number = SapCreatedSalesOrder.ParseNumber(answer.Body);
                SapLog.Created(_logger, number, orderLabel);
                return ErpWriteOutcome.Created(number);
            case SapAnswerKind.Rejected:
                return Refused(orderLabel, answer.ErrorText());
            case SapAnswerKind.Throttled:
                throw new ErpThrottledException($"SAP sales order create: throttled: {answer.ErrorText()}");
            default:
                throw Transient("sales order create", answer.ErrorText());
        }
    }

    /// <summary>An order SAP holds is complete: there is no submit or approval call to make.</summary>
    public Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return Task.FromResult(ErpWriteOutcome.AlreadyExists(existing.Number));
    }

    /// <summary>
    /// Rejects every item not yet rejected: GET the order's to_Item, then PATCH each item's SalesDocumentRjcnReason with
    /// the CSRF token and cookies (a 403 "Required" is answered once with a fresh token, as for create). An order whose
    /// items all carry a reason already is reported Reversed without a write.
    /// </summary>
    public async Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var number = existing.Number;
        var itemsUrl = SapServices.EntitySet(
            _transport.BaseUrl, SapServices.SalesOrder, SapSalesOrderRejection.ItemsResource(number), SapSalesOrderRejection.ItemsQuery(), _options.Client);
        var items = SapSalesOrderRejection.ParseItems(await ReadAsync(itemsUrl, "sales order items read", cancellationToken), number);
        var body = SapSalesOrderRejection.BuildBody(_options.RejectionReason);
        foreach (var item in items.Where(i => !i.IsRejected))
        {
            var url = SapServices.EntitySet(
                _transport.BaseUrl, SapServices.SalesOrder, SapSalesOrderRejection.ItemResource(item.SalesOrder, item.SalesOrderItem), SapODataQuery.Empty, _options.Client);
            var refusal = await RejectItemAsync(url, body, item, cancellationToken);
            if (refusal is not null)
            {
                ErpConnectorLog.Refused(_logger, ConnectorKind, "sales order item rejection", "sales order " + number, refusal);
                return ErpWriteOutcome.Rejected($"SAP reject item {item.SalesOrderItem} of {number}: {refusal}");
            }
        }

        SapLog.Reversed(_logger, number, items.Count, reason);
        return ErpWriteOutcome.Reversed(number);
    }

    public async Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(materialNumbers);
        var requested = materialNumbers.Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).ToList();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var batch in requested.Chunk(_options.StockQueryBatchSize))
        {
            var url = SapServices.EntitySet(
                _transport.BaseUrl, SapServices.MaterialStock, SapServices.MaterialStockSet,
                SapStockQuery.ForMaterials(batch, _settings.Plant), _options.Client);
            for (var page = 1; ; page++)
            {
                var body = await ReadAsync(url, "stock query", cancellationToken);
                var next = SapStockQuery.Accumulate(body, _settings.Plant, totals);
                if (next is null)
                {
                    break;
                }

                if (page >= MaxPagesPerQuery)
                {
                    throw new ErpProtocolException($"SAP stock query kept answering __next links after {page} pages.");
                }

                url = NextPage(url, next);
            }
        }

        return SapStockQuery.ToStockLevels(requested, totals);
    }

    public void Dispose() => _tokens.Dispose();

    /// <summary>
    /// The <c>__next</c> link, relative to the page it came from. A gateway behind a reverse proxy may write its internal host
    /// into the link, so the link's path and query are always sent to the configured host.
    /// </summary>
    private Uri NextPage(Uri current, string link)
    {
        var next = new Uri(current, link);
        if (string.Equals(next.Authority, _transport.BaseUrl.Authority, StringComparison.OrdinalIgnoreCase) && next.Scheme == _transport.BaseUrl.Scheme)
        {
            return next;
        }

        return new UriBuilder(next) { Scheme = _transport.BaseUrl.Scheme, Host = _transport.BaseUrl.Host, Port = _transport.BaseUrl.Port }.Uri;
    }

    /// <summary>Null when the item now carries the reason, else SAP's refusal text; transient trouble throws.</summary>
    private async Task<string?> RejectItemAsync(Uri url, string body, SapSalesOrderItemState item, CancellationToken cancellationToken)
    {
        const string operation = "sales order item rejection";
        var answer = await SendWithTokenAsync(HttpMethod.Patch, url, body, item.ETag, operation, cancellationToken);
        return answer.Kind switch
        {
            SapAnswerKind.Success => null,
            SapAnswerKind.Rejected => answer.ErrorText(),
            _ => throw Transient(operation, answer.ErrorText()),
        };
    }

    /// <summary>A write with the CSRF token and its cookies; a 403 "Required" is answered once with a freshly fetched token.</summary>
    private Task<SapHttpAnswer> SendWithTokenAsync(
        HttpMethod method, Uri url, string body, string? ifMatch, string operation, CancellationToken cancellationToken) =>
        _tokens.SendAsync(
            session => _transport.SendAsync(SapHttpClients.Write, method, url, body, session.Token, session.CookieHeader, ifMatch, operation, cancellationToken),
            a => a.Kind == SapAnswerKind.CsrfTokenRequired,
            () => SapLog.TokenRequired(_logger, operation),
            () => Transient(operation, "the CSRF token was refused again right after a fresh fetch"),
            cancellationToken);

    /// <summary>A GET through the retrying client; a refused query is our bug, not a business answer, so it throws.</summary>
    public async Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken)
    {
        var descriptions = SapProductQuery.ParseDescriptions(
            await ReadAsync(SapServices.EntitySet(_transport.BaseUrl, SapProductQuery.Service, SapProductQuery.DescriptionSet, SapProductQuery.Descriptions(text, top), _options.Client), "material search", cancellationToken),
            top);
        if (descriptions.Count == 0)
        {
            return [];
        }

        var units = SapProductQuery.ParseBaseUnits(await ReadAsync(
            SapServices.EntitySet(_transport.BaseUrl, SapProductQuery.Service, SapProductQuery.ProductSet, SapProductQuery.BaseUnits(descriptions.Select(d => d.Product)), _options.Client),
            "material base units", cancellationToken));
        return descriptions.Select(d => new ErpMaterial(d.Product, d.Name, units.GetValueOrDefault(d.Product) is { Length: > 0 } unit ? unit : null)).ToList();
    }

    private async Task<string> ReadAsync(Uri url, string operation, CancellationToken cancellationToken)
    {
        var answer = await _transport.SendAsync(SapHttpClients.Read, HttpMethod.Get, url, null, null, null, operation, cancellationToken);
        return answer.Kind switch
        {
            SapAnswerKind.Success => answer.Body,
            SapAnswerKind.Rejected => throw new ErpProtocolException($"SAP refused the {operation}: {answer.ErrorText()}"),
            _ => throw Transient(operation, answer.ErrorText()),
        };
    }

    private ErpWriteOutcome Refused(string orderLabel, string reason)
    {
        ErpConnectorLog.Refused(_logger, ConnectorKind, "sales order create", orderLabel, reason);
        return ErpWriteOutcome.Rejected("SAP create: " + reason);
    }

    private ErpTransientException Transient(string operation, string reason)
    {
        ErpConnectorLog.Transient(_logger, ConnectorKind, operation, reason);
        return new ErpTransientException($"SAP {operation}: {reason}");
    }
}

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Turns an <see cref="ErpSalesOrder"/> into a <c>sd/voucherorder/singleSave</c> body <c>{"data":{...}}</c>: the
/// deterministic resubmitCheckKey, <c>_status</c> Insert on header and lines, the platform order number in
/// <c>headItem.{define}</c>, gifts as <c>orderProductType</c> GIFT, and payMoney equal to the lines' <c>oriSum</c>, which is
/// what the buyer paid: the reference names no freight field, so freight is a SALE line on the profile's charge
/// material or is spread over the lines; the freight and the discounts by bearer go to header defines 18–20.
/// </summary>
public static class YonBipSaleOrderBuilder
{
    public const string Insert = "Insert";
    public const string Sale = "SALE";
    public const string Gift = "GIFT";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string BuildSaveBody(ErpSalesOrder order, YonBipSaleOrderSettings settings) =>
        new JsonObject { ["data"] = BuildSaveData(order, settings) }.ToJsonString();

    /// <summary>The object inside <c>data</c>. Throws <see cref="ArgumentException"/> for a document <see cref="YonBipSaleOrderValidator"/> refuses.</summary>
    public static JsonObject BuildSaveData(ErpSalesOrder order, YonBipSaleOrderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = YonBipSaleOrderValidator.Validate(order);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(order));
        }

        var settlementOrg = Or(settings.SettlementOrgId, order.SalesOrgNumber);
        var currency = IsIsoCurrency(order.CurrencyNumber) ? order.CurrencyNumber : settings.Currency;
        var data = new JsonObject
        {
            ["resubmitCheckKey"] = YonBipResubmitCheckKey.For(order.Platform, order.ExternalOrderNo),
            ["_status"] = Insert,
            ["salesOrgId"] = order.SalesOrgNumber,
            ["transactionTypeId"] = settings.TransactionTypeId,
            ["vouchdate"] = FormatDate(order.OrderDate),
            ["agentId"] = order.CustomerNumber,
            ["settlementOrgId"] = settlementOrg,
            ["invoiceAgentId"] = order.CustomerNumber,
            ["payMoney"] = YonBipMoney.FenToYuan(order.Lines.Sum(l => l.AmountFen)),
            ["orderPrices!currency"] = currency,
            ["orderPrices!natCurrency"] = currency,
            ["orderPrices!exchRate"] = 1,
            ["orderPrices!exchangeRateType"] = settings.ExchangeRateType,
            ["orderPrices!taxInclusive"] = true,
            ["memo"] = string.IsNullOrWhiteSpace(order.Note) ? $"{order.Platform} {order.ExternalOrderNo}" : order.Note,
            [YonBipHeadDefines.HeadItem] = HeadItem(order, settings),
            ["orderDetails"] = new JsonArray(order.Lines.Select(l => (JsonNode?)Line(l, order, settings, settlementOrg)).ToArray()),
        };
        return data;
    }

    public static string FormatDate(DateTimeOffset time) =>
        time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static JsonObject HeadItem(ErpSalesOrder order, YonBipSaleOrderSettings settings)
    {
        var head = new JsonObject { [settings.ExternalOrderNoDefine] = order.ExternalOrderNo };
        if (settings.WriteMarketingFields)
        {
            foreach (var (tag, define) in YonBipHeadDefines.MarketingByTag)
            {
                if (define != settings.ExternalOrderNoDefine && order.CustomFields.TryGetValue(tag, out var value) && !string.IsNullOrEmpty(value))
                {
                    head[define] = value;
                }
            }

            foreach (var (define, fen) in new[]
            {
                (YonBipHeadDefines.Freight, order.FreightFen),
                (YonBipHeadDefines.MerchantDiscount, order.MerchantDiscountFen),
                (YonBipHeadDefines.PlatformSubsidy, order.PlatformSubsidyFen),
            })
            {
                if (define != settings.ExternalOrderNoDefine)
                {
                    head[define] = YonBipMoney.FenToYuan(fen).ToString("0.00", CultureInfo.InvariantCulture);
                }
            }
        }

        return head;
    }

    private static JsonObject Line(ErpSalesOrderLine line, ErpSalesOrder order, YonBipSaleOrderSettings settings, string settlementOrg)
    {
        var net = YonBipMoney.NetFen(line.AmountFen, line.TaxRatePercent);
        var tax = line.AmountFen - net;
        var unitPrice = YonBipMoney.UnitPrice(net, line.Quantity);
        var taxUnitPrice = YonBipMoney.UnitPrice(line.AmountFen, line.Quantity);
        var entry = new JsonObject
        {
            ["_status"] = Insert,
            ["productId"] = line.MaterialNumber,
            ["stockOrgId"] = Or(settings.StockOrgId, order.SalesOrgNumber),
            ["settlementOrgId"] = settlementOrg,
            ["masterUnitId"] = line.UnitNumber,
            ["iProductAuxUnitId"] = line.UnitNumber,
            ["iProductUnitId"] = line.UnitNumber,
            ["qty"] = line.Quantity,
            ["subQty"] = line.Quantity,
            ["priceQty"] = line.Quantity,
            ["invExchRate"] = 1,
            ["invPriceExchRate"] = 1,
            ["unitExchangeType"] = 0,
            ["unitExchangeTypePrice"] = 0,
            ["taxId"] = settings.TaxIdFor(line.TaxRatePercent),
            ["orderProductType"] = line.IsGift ? Gift : Sale,
            ["oriTaxUnitPrice"] = taxUnitPrice,
            ["oriSum"] = YonBipMoney.FenToYuan(line.AmountFen),
            ["orderDetailPrices!oriUnitPrice"] = unitPrice,
            ["orderDetailPrices!oriMoney"] = YonBipMoney.FenToYuan(net),
            ["orderDetailPrices!oriTax"] = YonBipMoney.FenToYuan(tax),
            ["orderDetailPrices!natUnitPrice"] = unitPrice,
            ["orderDetailPrices!natTaxUnitPrice"] = taxUnitPrice,
            ["orderDetailPrices!natMoney"] = YonBipMoney.FenToYuan(net),
            ["orderDetailPrices!natSum"] = YonBipMoney.FenToYuan(line.AmountFen),
            ["orderDetailPrices!natTax"] = YonBipMoney.FenToYuan(tax),
        };
        if (!string.IsNullOrWhiteSpace(line.WarehouseNumber))
        {
            // The reference confirms no warehouse field on SO lines; stockId (发货仓库) is our assumption.
            entry["stockId"] = line.WarehouseNumber;
        }

        return entry;
    }

    private static bool IsIsoCurrency(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    private static string Or(string preferred, string fallback) => string.IsNullOrWhiteSpace(preferred) ? fallback : preferred;
}

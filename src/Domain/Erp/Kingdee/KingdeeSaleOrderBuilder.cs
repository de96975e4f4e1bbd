namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// Turns an <see cref="ErpSalesOrder"/> into a Save request for SAL_SaleOrder. The platform order number goes to
/// <c>FNetOrderBillNo</c>, the key the connector looks bills up by; <c>FBillNo</c> is left to the coding rule.
/// SAL_SaleOrder has no freight header field: freight is a <c>Service</c> row on the profile's charge material, or is
/// already spread over the lines, so the entries' <c>FAllAmount</c> add up to what the buyer paid.
/// </summary>
public static class KingdeeSaleOrderBuilder
{
    public const string StandardBillType = "XSDD01_SYS";
    public const string FixedExchangeRateType = "HLTX01_SYS";
    public const string StandardRowType = "Standard";
    public const string ServiceRowType = "Service";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The full Save body: <c>{"parameters":["SAL_SaleOrder", {data}]}</c>.</summary>
    public static string BuildSaveBody(ErpSalesOrder order, bool includeMarketingFields = true) =>
        KingdeeEnvelope.Raw(KingdeeFormIds.SaleOrder, BuildSaveData(order, includeMarketingFields));

    /// <summary>Save options plus <c>Model</c>. Throws <see cref="ArgumentException"/> for a document <see cref="KingdeeSaleOrderValidator"/> refuses.</summary>
    public static JsonObject BuildSaveData(ErpSalesOrder order, bool includeMarketingFields = true)
    {
        ThrowIfInvalid(order);
        var data = SaveOptions(autoSubmitAndAudit: false);
        data["Model"] = BuildModel(order, includeMarketingFields);
        return data;
    }

    /// <summary>The full BatchSave body: <c>{"parameters":["SAL_SaleOrder", {data}]}</c> with one Model per order.</summary>
    public static string BuildBatchSaveBody(IReadOnlyList<ErpSalesOrder> orders, bool includeMarketingFields = true) =>
        KingdeeEnvelope.Raw(KingdeeFormIds.SaleOrder, BuildBatchSaveData(orders, includeMarketingFields));

    /// <summary>
    /// BatchSave options plus <c>Model</c> as an array in the orders' order (the answer's <c>DIndex</c> points into it).
    /// <c>IsAutoSubmitAndAudit</c> is on, so each bill the server saves is also submitted and audited in the same call.
    /// Throws <see cref="ArgumentException"/> when any document is refused by <see cref="KingdeeSaleOrderValidator"/>.
    /// </summary>
    public static JsonObject BuildBatchSaveData(IReadOnlyList<ErpSalesOrder> orders, bool includeMarketingFields = true)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            throw new ArgumentException("BatchSave needs at least one order.", nameof(orders));
        }

        foreach (var order in orders)
        {
            ThrowIfInvalid(order);
        }

        var data = SaveOptions(autoSubmitAndAudit: true);
        data["Model"] = new JsonArray(orders.Select(o => (JsonNode?)BuildModel(o, includeMarketingFields)).ToArray());
        return data;
    }

    public static string FormatDate(DateTimeOffset time) =>
        time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void ThrowIfInvalid(ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = KingdeeSaleOrderValidator.Validate(order);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(order));
        }
    }

    private static JsonObject SaveOptions(bool autoSubmitAndAudit) => new()
    {
        ["NeedUpDateFields"] = new JsonArray(),
        ["NeedReturnFields"] = new JsonArray("FBillNo"),
        ["IsDeleteEntry"] = "true",
        ["IsVerifyBaseDataField"] = "false",
        ["ValidateFlag"] = "true",
        ["NumberSearch"] = "true",
        ["IsAutoSubmitAndAudit"] = autoSubmitAndAudit ? "true" : "false",
    };

    private static JsonObject BuildModel(ErpSalesOrder order, bool includeMarketingFields)
    {
        var date = FormatDate(order.OrderDate);
        var model = new JsonObject
        {
            ["FID"] = 0,
            ["FBillTypeID"] = new JsonObject { ["FNUMBER"] = StandardBillType },
            ["FBillNo"] = "",
            ["FDate"] = date,
            ["FSaleOrgId"] = Number(order.SalesOrgNumber),
            ["FCustId"] = Number(order.CustomerNumber),
            ["FSettleId"] = Number(order.CustomerNumber),
        };
        if (!string.IsNullOrWhiteSpace(order.SalesmanNumber))
        {
            model["FSalerId"] = Number(order.SalesmanNumber);
        }

        model["FNetOrderBillNo"] = order.ExternalOrderNo;
        model["FNote"] = string.IsNullOrWhiteSpace(order.Note) ? $"{order.Platform} {order.ExternalOrderNo}" : order.Note;
        if (includeMarketingFields)
        {
            foreach (var (tag, fieldKey) in KingdeeMarketingFields.ByTag)
            {
                if (order.CustomFields.TryGetValue(tag, out var value) && !string.IsNullOrEmpty(value))
                {
                    model[fieldKey] = value;
                }
            }

            foreach (var (fieldKey, yuan) in KingdeeMoneyFields.Of(order))
            {
                model[fieldKey] = yuan;
            }
        }

        model["FSaleOrderFinance"] = new JsonObject
        {
            ["FSettleCurrId"] = Number(order.CurrencyNumber),
            ["FIsIncludedTax"] = "true",
            ["FExchangeTypeId"] = Number(FixedExchangeRateType),
            ["FExchangeRate"] = 1,
        };
        model["FSaleOrderEntry"] = new JsonArray(order.Lines.Select(l => (JsonNode?)BuildEntry(l, order, date)).ToArray());
        return model;
    }

    private static JsonObject BuildEntry(ErpSalesOrderLine line, ErpSalesOrder order, string date) => new()
    {
        // The freight line is a charge on a service/expense material, not goods taken from stock.
        ["FRowType"] = line.IsFreight ? ServiceRowType : StandardRowType,
        ["FMaterialId"] = Number(line.MaterialNumber),
        ["FUnitID"] = Number(line.UnitNumber),
        ["FQty"] = line.Quantity,
        ["FTaxPrice"] = KingdeeMoney.UnitPrice(line.AmountFen, line.Quantity),
        // 价税合计 carries the exact line total even when the unit price had to be rounded.
        ["FAllAmount"] = KingdeeMoney.FenToYuan(line.AmountFen),
        ["FEntryTaxRate"] = line.TaxRatePercent,
        ["FIsFree"] = line.IsGift ? "true" : "false",
        ["FStockId"] = Number(line.WarehouseNumber),
        ["FDeliveryDate"] = date,
        ["FStockOrgId"] = Number(order.SalesOrgNumber),
        ["FSettleOrgIds"] = Number(order.SalesOrgNumber),
        ["FReserveType"] = "1",
        ["FOUTLMTUNIT"] = "SAL",
    };

    private static JsonObject Number(string number) => new() { ["FNumber"] = number };
}

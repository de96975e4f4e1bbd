using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// Reads singleSave's <c>data</c> into an order draft, refusing what the tenant would: missing required fields
/// (<c>_status</c> on header and every line), unknown products, a gift with a price, lines whose net + tax is not
/// their total, and a payMoney that is not the sum of the lines.
/// </summary>
public static class YonBipSimSaveModel
{
    public const int MaxResubmitCheckKeyLength = 32;

    private static readonly string[] HeaderRequired =
    [
        "_status", "salesOrgId", "transactionTypeId", "vouchdate", "agentId", "settlementOrgId", "invoiceAgentId", "payMoney",
        "orderPrices!currency", "orderPrices!natCurrency", "orderPrices!exchRate", "orderPrices!exchangeRateType",
    ];

    private static readonly string[] LineRequired =
    [
        "_status", "productId", "stockOrgId", "settlementOrgId", "masterUnitId", "iProductAuxUnitId", "iProductUnitId", "qty", "subQty",
        "priceQty", "invExchRate", "invPriceExchRate", "unitExchangeType", "unitExchangeTypePrice", "taxId", "orderProductType",
        "oriTaxUnitPrice", "oriSum", "orderDetailPrices!oriUnitPrice", "orderDetailPrices!oriMoney", "orderDetailPrices!oriTax",
        "orderDetailPrices!natUnitPrice", "orderDetailPrices!natTaxUnitPrice", "orderDetailPrices!natMoney", "orderDetailPrices!natSum",
        "orderDetailPrices!natTax",
    ];

    private static readonly string[] ProductTypes = ["SALE", "GIFT", "MARKUP", "REBATE"];

    public sealed record Result(YonBipSimOrder? Draft, string? ErrorCode, string? Error);

    public static Result Read(JsonObject? data, Func<string, bool> productExists, string externalOrderNoDefine, DateTimeOffset now)
    {
        if (data is null)
        {
            return Fail(YonBipSimAnswers.ParameterInvalid, "参数校验失败：请求体必须包装在 data 中");
        }

        var key = YonBipSimJson.Text(data, "resubmitCheckKey") ?? "";
        if (key.Length > MaxResubmitCheckKeyLength)
        {
            return Fail(YonBipSimAnswers.ParameterInvalid, $"参数校验失败：resubmitCheckKey 长度不能超过{MaxResubmitCheckKeyLength}");
        }

        var missing = HeaderRequired.Where(f => string.IsNullOrWhiteSpace(YonBipSimJson.Text(data, f))).ToList();
        if (missing.Count > 0)
        {
            return Fail(YonBipSimAnswers.BusinessError, $"表头必填字段为空：{string.Join(",", missing)}");
        }

        if (YonBipSimJson.Text(data, "_status") != "Insert")
        {
            return Fail(YonBipSimAnswers.BusinessError, "表头 _status 必须为 Insert");
        }

        if (!DateTime.TryParseExact(YonBipSimJson.Text(data, "vouchdate"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Fail(YonBipSimAnswers.BusinessError, "单据日期 vouchdate 格式应为 yyyy-MM-dd HH:mm:ss");
        }

        if (data["orderDetails"] is not JsonArray details || details.Count == 0)
        {
            return Fail(YonBipSimAnswers.BusinessError, "表体 orderDetails 不能为空");
        }

        var lines = new List<YonBipSimOrderLine>();
        for (var i = 0; i < details.Count; i++)
        {
            var (line, error) = ReadLine(details[i] as JsonObject, i + 1, productExists);
            if (line is null)
            {
                return Fail(YonBipSimAnswers.BusinessError, error!);
            }

            lines.Add(line);
        }

        var payMoney = YonBipSimJson.Decimal(data, "payMoney") ?? -1m;
        var sum = lines.Sum(l => l.OriSum);
        if (payMoney != sum)
        {
            return Fail(YonBipSimAnswers.BusinessError, $"表头含税金额 payMoney {payMoney} 与表体价税合计 {sum} 不一致");
        }

        var head = (data["headItem"] as JsonObject ?? [])
            .Where(p => YonBipSimJson.Text(p.Value) is not null)
            .ToDictionary(p => p.Key, p => YonBipSimJson.Text(p.Value)!, StringComparer.Ordinal);
        var draft = new YonBipSimOrder
        {
            Id = 0,
            Code = "",
            VerifyState = 0,
            ExternalOrderNo = head.GetValueOrDefault(externalOrderNoDefine, ""),
            ResubmitCheckKey = key,
            SalesOrgId = YonBipSimJson.Text(data, "salesOrgId")!,
            TransactionTypeId = YonBipSimJson.Text(data, "transactionTypeId")!,
            AgentId = YonBipSimJson.Text(data, "agentId")!,
            VouchDate = YonBipSimJson.Text(data, "vouchdate")!,
            PayMoney = payMoney,
            Currency = YonBipSimJson.Text(data, "orderPrices!currency")!,
            Memo = YonBipSimJson.Text(data, "memo") ?? "",
            HeadItem = head,
            Lines = lines,
            SavedAt = now,
        };
        return new Result(draft, null, null);
    }

    private static (YonBipSimOrderLine? Line, string? Error) ReadLine(JsonObject? entry, int row, Func<string, bool> productExists)
    {
        if (entry is null)
        {
            return (null, $"第{row}行表体不是对象");
        }

        var missing = LineRequired.Where(f => string.IsNullOrWhiteSpace(YonBipSimJson.Text(entry, f))).ToList();
        if (missing.Count > 0)
        {
            return (null, $"第{row}行表体必填字段为空：{string.Join(",", missing)}");
        }

        var product = YonBipSimJson.Text(entry, "productId")!;
        if (!productExists(product))
        {
            return (null, $"第{row}行物料[{product}]不存在或未启用");
        }

        var type = YonBipSimJson.Text(entry, "orderProductType")!;
        if (!ProductTypes.Contains(type))
        {
            return (null, $"第{row}行商品售卖类型 orderProductType [{type}] 不合法");
        }

        var qty = YonBipSimJson.Decimal(entry, "qty") ?? 0m;
        var oriSum = YonBipSimJson.Decimal(entry, "oriSum") ?? -1m;
        var oriMoney = YonBipSimJson.Decimal(entry, "orderDetailPrices!oriMoney") ?? -1m;
        var oriTax = YonBipSimJson.Decimal(entry, "orderDetailPrices!oriTax") ?? -1m;
        if (qty <= 0)
        {
            return (null, $"第{row}行数量必须大于0");
        }

        if (oriSum < 0 || (type == "GIFT" && oriSum != 0))
        {
            return (null, $"第{row}行含税金额 oriSum {oriSum} 不合法" + (type == "GIFT" ? "（赠品金额必须为0）" : ""));
        }

        if (oriMoney + oriTax != oriSum)
        {
            return (null, $"第{row}行无税金额 {oriMoney} 加税额 {oriTax} 不等于含税金额 {oriSum}");
        }

        return (new YonBipSimOrderLine(
            product,
            YonBipSimJson.Text(entry, "iProductUnitId")!,
            qty,
            YonBipSimJson.Decimal(entry, "oriTaxUnitPrice") ?? 0m,
            oriSum,
            oriMoney,
            oriTax,
            type,
            YonBipSimJson.Text(entry, "taxId")!,
            YonBipSimJson.Text(entry, "stockId")), null);
    }

    private static Result Fail(string code, string message) => new(null, code, message);
}

using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>The envelopes the YonBIP gateway answers, as JSON nodes. Auth and business failures are HTTP 200.</summary>
public static class YonBipSimAnswers
{
    public const string Success = "200";
    public const string TokenSuccess = "00000";
    public const string DuplicateSubmission = "100004";
    public const string TokenMissing = "310001";
    public const string TokenInvalid = "310036";
    public const string ParameterInvalid = "310008";
    public const string AppThrottled = "310039";
    public const string ApiThrottled = "310046";
    public const string PathNotFound = "310404";
    public const string BusinessError = "999";
    public const string AppKeyUnknown = "10018";

    /// <summary>Our choice: the reference does not give the code for a wrong signature.</summary>
    public const string SignatureInvalid = "10019";

    public static JsonObject Ok(JsonNode? data, string message = "操作成功") => new()
    {
        ["code"] = Success,
        ["message"] = message,
        ["data"] = data,
    };

    public static JsonObject Error(string code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["data"] = null,
    };

    public static JsonObject Duplicate(long id) => new()
    {
        ["code"] = DuplicateSubmission,
        ["message"] = "重复提交，请勿重复操作",
        ["data"] = new JsonObject { ["id"] = id },
    };

    public static JsonObject Token(string accessToken, int expireSeconds) => new()
    {
        ["code"] = TokenSuccess,
        ["message"] = "成功！",
        ["data"] = new JsonObject { ["access_token"] = accessToken, ["expire"] = expireSeconds },
    };

    public static JsonObject Record(YonBipSimOrder o) => new()
    {
        ["id"] = o.Id,
        ["code"] = o.Code,
        ["vouchdate"] = o.VouchDate,
        ["salesOrgId"] = o.SalesOrgId,
        ["agentId"] = o.AgentId,
        ["agentId_name"] = o.AgentId,
        ["transactionTypeId"] = o.TransactionTypeId,
        ["verifystate"] = o.VerifyState,
        ["nextStatus"] = o.NextStatus,
        ["payMoney"] = o.PayMoney,
        ["memo"] = o.Memo,
        ["headItem"] = new JsonObject(o.HeadItem.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["orderPrices"] = new JsonObject { ["currency"] = o.Currency, ["natCurrency"] = o.Currency, ["exchRate"] = 1 },
    };

    public static JsonObject Detail(YonBipSimOrder o)
    {
        var detail = Record(o);
        detail["orderDetails"] = new JsonArray(o.Lines.Select(l => (JsonNode?)new JsonObject
        {
            ["productCode"] = l.ProductCode,
            ["iProductUnitId"] = l.UnitId,
            ["qty"] = l.Qty,
            ["oriTaxUnitPrice"] = l.OriTaxUnitPrice,
            ["oriSum"] = l.OriSum,
            ["orderDetailPrices"] = new JsonObject { ["oriMoney"] = l.OriMoney, ["oriTax"] = l.OriTax },
            ["orderProductType"] = l.OrderProductType,
            ["taxId"] = l.TaxId,
            ["stockId"] = l.StockId,
        }).ToArray());
        return detail;
    }
}

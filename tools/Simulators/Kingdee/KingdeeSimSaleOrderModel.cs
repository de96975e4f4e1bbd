using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.Kingdee.KingdeeSimAnswers;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Reads a Save request's <c>Model</c> (or one BatchSave row) into a bill draft, collecting the errors K/3 Cloud would report.</summary>
public static class KingdeeSimSaleOrderModel
{
    public static (KingdeeSimBill? Draft, IReadOnlyList<Error> Errors) Read(JsonObject? data, Func<string, bool> materialExists, DateTimeOffset now) =>
        ReadModel(KingdeeSimJson.Get(data, "Model") as JsonObject, materialExists, now);

    /// <summary>One bill's model object: Save's <c>Model</c>, or one element of BatchSave's <c>Model</c> array.</summary>
    public static (KingdeeSimBill? Draft, IReadOnlyList<Error> Errors) ReadModel(JsonObject? model, Func<string, bool> materialExists, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (model is null)
        {
            errors.Add(new Error("Model", "Model 不能为空"));
            return (null, errors);
        }

        var billType = KingdeeSimJson.Number(model, "FBillTypeID");
        var customer = KingdeeSimJson.Number(model, "FCustId");
        var saleOrg = KingdeeSimJson.Number(model, "FSaleOrgId");
        var netOrderNo = KingdeeSimJson.Text(model, "FNetOrderBillNo");
        RequireField(errors, billType, "FBillTypeID", "单据类型");
        RequireField(errors, customer, "FCustId", "客户");
        RequireField(errors, saleOrg, "FSaleOrgId", "销售组织");
        RequireField(errors, netOrderNo, "FNetOrderBillNo", "网店订单号");
        var finance = KingdeeSimJson.Get(model, "FSaleOrderFinance") as JsonObject;
        var currency = KingdeeSimJson.Number(finance, "FSettleCurrId");
        RequireField(errors, currency, "FSettleCurrId", "结算币别");

        var lines = ReadLines(KingdeeSimJson.Get(model, "FSaleOrderEntry") as JsonArray, materialExists, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var custom = model
            .Where(p => p.Key.StartsWith("F_", StringComparison.Ordinal) && KingdeeSimJson.Text(p.Value) is not null)
            .ToDictionary(p => p.Key, p => KingdeeSimJson.Text(p.Value)!, StringComparer.Ordinal);
        var draft = new KingdeeSimBill
        {
            Id = 0,
            BillNo = KingdeeSimJson.Text(model, "FBillNo") ?? "",
            NetOrderBillNo = netOrderNo!,
            Status = "A",
            CustomerNumber = customer!,
            SaleOrgNumber = saleOrg!,
            SalerNumber = KingdeeSimJson.Number(model, "FSalerId"),
            Date = KingdeeSimJson.Text(model, "FDate") ?? now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Note = KingdeeSimJson.Text(model, "FNote") ?? "",
            CurrencyNumber = currency!,
            CustomFields = custom,
            Lines = lines,
            SavedAt = now,
        };
        return (draft, errors);
    }

    private static List<KingdeeSimBillLine> ReadLines(JsonArray? entries, Func<string, bool> materialExists, List<Error> errors)
    {
        var lines = new List<KingdeeSimBillLine>();
        if (entries is null || entries.Count == 0)
        {
            errors.Add(new Error("FSaleOrderEntry", "订单明细不能为空"));
            return lines;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] as JsonObject;
            var row = i + 1;
            var material = KingdeeSimJson.Number(entry, "FMaterialId");
            var unit = KingdeeSimJson.Number(entry, "FUnitID");
            var quantity = KingdeeSimJson.Decimal(entry, "FQty") ?? 0m;
            var taxPrice = KingdeeSimJson.Decimal(entry, "FTaxPrice") ?? 0m;
            var isFree = KingdeeSimJson.Flag(entry, "FIsFree");
            if (string.IsNullOrEmpty(material))
            {
                errors.Add(new Error("FMaterialId", $"第{row}行物料编码不能为空"));
            }
            else if (!materialExists(material))
            {
                errors.Add(new Error("FMaterialId", $"第{row}行字段“物料编码”的值 {material} 不存在或未审核"));
            }

            RequireField(errors, unit, "FUnitID", $"第{row}行销售单位");
            if (quantity <= 0)
            {
                errors.Add(new Error("FQty", $"第{row}行销售数量必须大于0"));
            }

            if (taxPrice < 0 || (isFree && taxPrice != 0))
            {
                errors.Add(new Error("FTaxPrice", $"第{row}行含税单价不合法"));
            }

            var allAmount = KingdeeSimJson.Decimal(entry, "FAllAmount") ?? Math.Round(taxPrice * quantity, 2, MidpointRounding.AwayFromZero);
            lines.Add(new KingdeeSimBillLine(
                material ?? "",
                unit ?? "",
                quantity,
                taxPrice,
                allAmount,
                KingdeeSimJson.Decimal(entry, "FEntryTaxRate") ?? 0m,
                isFree,
                KingdeeSimJson.Number(entry, "FStockId")));
        }

        return lines;
    }

    private static void RequireField(List<Error> errors, string? value, string field, string caption)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error(field, $"字段“{caption}”是必填项"));
        }
    }
}

using static ServerlessSync.Domain.Tests.Erp.ErpTestOrders;
using static ServerlessSync.Domain.Tests.Erp.Kingdee.KingdeeTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeBatchTests
{
    private static KingdeeResponseStatus Status(bool isSuccess, int msgCode, KingdeeError[] errors, params KingdeeSuccessEntity[] saved) =>
        new(isSuccess, isSuccess ? null : 500, msgCode, errors, saved);

    [Fact]
    public void Batch_save_sends_every_order_as_one_model_array_in_order_with_auto_submit_and_audit()
    {
        var orders = new[] { Order(Line("MAT-LIP-01", 2, 19800)) with { ExternalOrderNo = "DY-1" }, Order(Line("MAT-MASK-10", 1, 5000)) with { ExternalOrderNo = "DY-2" } };

        var parameters = JsonDocument.Parse(KingdeeSaleOrderBuilder.BuildBatchSaveBody(orders)).RootElement.GetProperty("parameters");

        Assert.Equal("SAL_SaleOrder", parameters[0].GetString());
        var data = parameters[1];
        Assert.Equal("true", data.GetProperty("IsAutoSubmitAndAudit").GetString());
        Assert.Equal("FBillNo", data.GetProperty("NeedReturnFields")[0].GetString());
        var models = data.GetProperty("Model");
        Assert.Equal(JsonValueKind.Array, models.ValueKind);
        Assert.Equal(["DY-1", "DY-2"], models.EnumerateArray().Select(m => m.GetProperty("FNetOrderBillNo").GetString()));
        Assert.Equal("MAT-MASK-10", models[1].GetProperty("FSaleOrderEntry")[0].GetProperty("FMaterialId").GetProperty("FNumber").GetString());
    }

    [Fact]
    public void Batch_save_refuses_an_empty_list_or_an_invalid_order()
    {
        Assert.Throws<ArgumentException>(() => KingdeeSaleOrderBuilder.BuildBatchSaveBody([]));
        Assert.Throws<ArgumentException>(() => KingdeeSaleOrderBuilder.BuildBatchSaveBody([Order(Line("MAT-LIP-01", 1, 100)), Order(Line("MAT-LIP-01", 1, 100)) with { TotalAmountFen = 1 }]));
    }

    [Fact]
    public void Many_order_look_up_filters_with_in_escapes_quotes_and_returns_the_platform_number()
    {
        var query = KingdeeSaleOrderQueries.ByExternalOrderNos(["DY-1", "DY'2", "DY-1"]);

        Assert.Equal("SAL_SaleOrder", query.FormId);
        Assert.Equal("FID,FBillNo,FDocumentStatus,FNetOrderBillNo,FBillAllAmount", string.Join(',', query.FieldKeys));
        Assert.Equal("FNetOrderBillNo in ('DY-1','DY''2')", query.FilterString);
    }

    [Fact]
    public void Many_order_rows_are_read_with_the_platform_number_each_bill_carries_and_repeated_bills_once()
    {
        var rows = KingdeeResponseParser.ParseQuery("""
            [["100001","XSDD000001","C","DY-1"],["100001","XSDD000001","C","DY-1"],
             ["100002","XSDD000002","A","DY-2"],["100003","XSDD000003","C","DY-2"]]
            """).Rows;

        var refs = KingdeeSaleOrderQueries.ParseRefs(rows);

        Assert.Equal(["XSDD000001", "XSDD000002", "XSDD000003"], refs.Select(r => r.Number));
        Assert.Equal(["DY-1", "DY-2", "DY-2"], refs.Select(r => r.ExternalOrderNo));
        Assert.Equal("XSDD000003", KingdeeSaleOrderQueries.PickExisting(refs.Where(r => r.ExternalOrderNo == "DY-2").ToList())!.Number);
        Assert.Throws<ErpProtocolException>(() => KingdeeSaleOrderQueries.ParseRefs([["1", "XSDD1", "C"]]));
    }

    [Fact]
    public void Batch_answer_is_read_row_by_row_by_dindex()
    {
        var status = Status(false, KingdeeMsgCodes.ValidationFailed,
            [new KingdeeError("FMaterialId", "物料编码 SKU-X 不存在", 1), new KingdeeError("FQty", "数量必须大于0", 1)],
            new KingdeeSuccessEntity("100001", "XSDD000001", 0), new KingdeeSuccessEntity("100002", "XSDD000002", 3));

        var items = KingdeeBatchSaveResult.PerDocument(status, 4);

        Assert.Equal([KingdeeBatchItemKind.Saved, KingdeeBatchItemKind.Refused, KingdeeBatchItemKind.Unanswered, KingdeeBatchItemKind.Saved], items.Select(i => i.Kind));
        Assert.Equal("XSDD000001", items[0].BillNumber);
        Assert.Equal("FMaterialId: 物料编码 SKU-X 不存在; FQty: 数量必须大于0", items[1].Reason);
        Assert.Equal("XSDD000002", items[3].BillNumber);
    }

    [Fact]
    public void A_call_level_refusal_refuses_every_row_and_a_single_row_refusal_needs_no_dindex()
    {
        var noPermission = Status(false, KingdeeMsgCodes.NoPermission, [new KingdeeError("", "没有销售订单的保存权限", 0)]);
        var singleRow = Status(false, KingdeeMsgCodes.ValidationFailed, []);

        Assert.All(KingdeeBatchSaveResult.PerDocument(noPermission, 3), i => Assert.Equal((KingdeeBatchItemKind.Refused, "没有销售订单的保存权限"), (i.Kind, i.Reason)));
        Assert.Equal(KingdeeBatchItemKind.Refused, KingdeeBatchSaveResult.PerDocument(singleRow, 1).Single().Kind);
        Assert.Equal(KingdeeBatchItemKind.Unanswered, KingdeeBatchSaveResult.PerDocument(singleRow, 2)[1].Kind);
    }

    [Fact]
    public void An_answer_about_a_row_that_was_not_sent_or_a_saved_row_without_number_is_a_protocol_error()
    {
        Assert.Throws<ErpProtocolException>(() => KingdeeBatchSaveResult.PerDocument(Status(true, 0, [], new KingdeeSuccessEntity("1", "XSDD1", 2)), 2));
        Assert.Throws<ErpProtocolException>(() => KingdeeBatchSaveResult.PerDocument(Status(false, 11, [new KingdeeError("F", "x", -1)]), 2));
        Assert.Throws<ErpProtocolException>(() => KingdeeBatchSaveResult.PerDocument(Status(true, 0, [], new KingdeeSuccessEntity("1", "", 0)), 1));
    }
}

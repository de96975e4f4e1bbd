namespace ServerlessSync.Domain.Tests.Erp;

/// <summary>Every ERP's look-up carries the order's total in fen, so reconciliation compares amounts as well as counts.</summary>
public class ErpLookupAmountTests
{
    [Fact]
    public void Kingdee_reads_FBillAllAmount()
    {
        var refs = KingdeeSaleOrderQueries.ParseRefs(KingdeeResponseParser.ParseQuery("""[[100001,"XSDD000001","C","DY-1",106.07]]"""));

        Assert.Equal(10_607, Assert.Single(refs).TotalAmountFen);
        Assert.Contains(KingdeeSaleOrderQueries.TotalAmountField, KingdeeSaleOrderQueries.ByExternalOrderNo("DY-1").FieldKeys);
    }

    [Fact]
    public void Sap_reads_TotalNetAmount_and_selects_it()
    {
        var refs = SapSalesOrderQueries.ParseRefs("""
            {"d":{"results":[{"SalesOrder":"5000012","PurchaseOrderByCustomer":"DY1","OverallSDProcessStatus":"A","TotalNetAmount":"106.00"}]}}
            """);

        Assert.Equal(10_600, Assert.Single(refs).TotalAmountFen);
        Assert.Contains(SapSalesOrderQueries.TotalField, SapSalesOrderQueries.RefFields);
    }

    [Fact]
    public void YonBip_reads_payMoney()
    {
        using var record = JsonDocument.Parse("""{"id":"1","code":"SO1","verifystate":"2","payMoney":106.5,"headItem":{"define13":"DY-1"}}""");

        Assert.Equal(10_650, YonBipOrderRecord.Read(record.RootElement).TotalAmountFen);
    }

    [Fact]
    public void Jushuitan_reads_pay_amount()
    {
        var refs = JushuitanOrderQuery.ParseRefs(JushuitanResponse.Parse("""{"code":0,"data":{"orders":[{"o_id":7,"so_id":"DY-1","status":"WaitConfirm","pay_amount":106.00}]}}"""));

        Assert.Equal(10_600, refs["DY-1"].TotalAmountFen);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.005")]
    public void An_amount_that_is_not_yuan_to_the_fen_is_a_protocol_error(string text)
    {
        Assert.Throws<ErpProtocolException>(() => ErpAmount.FenFromYuan(text, "total"));
        Assert.Null(ErpAmount.FenFromYuan("", "total"));
    }
}

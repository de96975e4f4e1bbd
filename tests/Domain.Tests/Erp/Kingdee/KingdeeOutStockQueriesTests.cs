using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeOutStockQueriesTests
{
    [Fact]
    public void The_query_asks_for_audited_bills_approved_since_the_watermark_in_china_time()
    {
        var query = KingdeeOutStockQueries.ApprovedSince(new DateTimeOffset(2026, 12, 7, 1, 2, 3, TimeSpan.Zero));

        Assert.Equal("SAL_OUTSTOCK", query.FormId);
        Assert.Equal("FDocumentStatus='C' and FApproveDate>='2026-12-07 09:02:03'", query.FilterString);
        Assert.Equal("FApproveDate ASC", query.OrderString);
        Assert.Contains("\"FieldKeys\":\"FBillNo,FDocumentStatus,FCarrierID.FNumber,FCarriageNO,FApproveDate,FSoorDerno,FMaterialId.FNumber,FRealQty\"", query.ToBody(), StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_rows_become_one_shipment_per_bill_and_sales_order()
    {
        string?[][] rows =
        [
            ["XSCKD1", "C", "SF", "SF001", "2026-12-07T09:02:03", "XSDD1", "MAT-A", "2"],
            ["XSCKD1", "C", "SF", "SF001", "2026-12-07T09:02:03", "XSDD1", "MAT-B", "1.0"],
            ["XSCKD2", "C", "ZTO", "ZT002", "2026-12-07T10:00:00", "XSDD2", "MAT-A", "1"],
        ];

        var shipments = KingdeeOutStockQueries.Parse(rows);

        Assert.Equal(2, shipments.Count);
        Assert.Equal(("XSCKD1", "XSDD1", "SF", "SF001"), (shipments[0].ShipmentNo, shipments[0].ErpOrderNumber, shipments[0].Carrier, shipments[0].TrackingNumber));
        Assert.Equal([new ShippedGoods("MAT-A", 2), new ShippedGoods("MAT-B", 1)], shipments[0].Lines);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 1, 2, 3, TimeSpan.Zero), shipments[0].ShippedAt);
    }

    [Fact]
    public void A_short_row_or_an_unreadable_date_is_a_protocol_error()
    {
        Assert.Throws<ErpProtocolException>(() => KingdeeOutStockQueries.Parse([["XSCKD1", "C"]]));
        Assert.Throws<ErpProtocolException>(() => KingdeeOutStockQueries.Parse([["XSCKD1", "C", "SF", "SF001", "yesterday", "XSDD1", "MAT-A", "2"]]));
    }
}

namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeQueryBuilderTests
{
    [Fact]
    public void Lookup_query_has_the_documented_shape_and_escapes_quotes()
    {
        var body = KingdeeSaleOrderQueries.ByExternalOrderNo("69'21 or 1=1--").ToBody();

        var data = JsonDocument.Parse(body).RootElement.GetProperty("parameters")[0];
        Assert.Equal("SAL_SaleOrder", data.GetProperty("FormId").GetString());
        Assert.Equal("FID,FBillNo,FDocumentStatus,FNetOrderBillNo,FBillAllAmount", data.GetProperty("FieldKeys").GetString());
        Assert.Equal("FNetOrderBillNo='69''21 or 1=1--'", data.GetProperty("FilterString").GetString());
        Assert.Equal("", data.GetProperty("OrderString").GetString());
        Assert.Equal(0, data.GetProperty("TopRowCount").GetInt32());
        Assert.Equal(0, data.GetProperty("StartRow").GetInt32());
        Assert.Equal(2000, data.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public void Stock_query_filters_materials_with_in_and_sums_rows_per_material()
    {
        var query = KingdeeStockQuery.ForMaterials(["A", "B", "A", "O'K"]);
        var totals = new Dictionary<string, decimal>();
        KingdeeStockQuery.Accumulate(KingdeeResponseParser.ParseQuery("""[["A",120.0,"CK001"],["A","30.5","CK002"],["B",0,"CK001"]]"""), totals);
        var levels = KingdeeStockQuery.ToStockLevels(["A", "B", "C"], totals);

        Assert.Equal("STK_Inventory", query.FormId);
        Assert.Equal("FMaterialId.FNumber,FBaseAvbQty,FStockId.FNumber", string.Join(',', query.FieldKeys));
        Assert.Equal("FMaterialId.FNumber in ('A','B','O''K')", query.FilterString);
        Assert.Equal(150.5m, levels.Available("A"));
        Assert.Equal(0m, levels.Available("B"));
        Assert.Equal(0m, levels.Available("C"));
    }

    [Fact]
    public void Next_page_advances_start_row_by_limit()
    {
        var page = KingdeeStockQuery.ForMaterials(["A"]).NextPage().NextPage();

        Assert.Equal(4000, page.StartRow);
    }

    [Fact]
    public void Filter_refuses_field_keys_that_could_inject()
    {
        Assert.Throws<ArgumentException>(() => KingdeeFilter.Equal("FBillNo='x' or 1=1 --", "y"));
        Assert.Throws<ArgumentException>(() => KingdeeFilter.In("FMaterialId.FNumber", []));
    }

    [Fact]
    public void Refs_are_distinct_and_the_most_advanced_bill_wins()
    {
        var refs = KingdeeSaleOrderQueries.ParseRefs(KingdeeResponseParser.ParseQuery(
            """[[100001,"XSDD000001","A","DY-1"],[100001,"XSDD000001","A","DY-1"],[100002,"XSDD000002","C","DY-1"]]"""));

        Assert.Equal(2, refs.Count);
        Assert.Equal("XSDD000002", KingdeeSaleOrderQueries.PickExisting(refs)!.Number);
        Assert.Null(KingdeeSaleOrderQueries.PickExisting([]));
    }

    [Fact]
    public void Submit_and_audit_bodies_use_a_numbers_array_and_an_ids_string()
    {
        var submit = JsonDocument.Parse(KingdeeOperationRequest.Submit("SAL_SaleOrder", ["XSDD000001", "XSDD000002"], ["1", "2"])).RootElement.GetProperty("parameters");
        var audit = JsonDocument.Parse(KingdeeOperationRequest.Audit("SAL_SaleOrder", ["XSDD000001"])).RootElement.GetProperty("parameters");

        Assert.Equal("SAL_SaleOrder", submit[0].GetString());
        Assert.Equal(JsonValueKind.Array, submit[1].GetProperty("Numbers").ValueKind);
        Assert.Equal("XSDD000002", submit[1].GetProperty("Numbers")[1].GetString());
        Assert.Equal("1,2", submit[1].GetProperty("Ids").GetString());
        Assert.Equal(0, submit[1].GetProperty("CreateOrgId").GetInt32());
        Assert.Equal("", audit[1].GetProperty("Ids").GetString());
        Assert.True(audit[1].TryGetProperty("IsVerifyProcInst", out _));
    }
}

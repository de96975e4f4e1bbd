namespace ServerlessSync.Domain.Tests.Erp.Sap;

public sealed class SapODataTests
{
    [Fact]
    public void Lookup_filter_doubles_quotes_and_the_url_encodes_the_whole_expression()
    {
        var url = SapServices.EntitySet(
            new Uri("https://s4.example.com"), SapServices.SalesOrder, SapServices.SalesOrderSet,
            SapSalesOrderQueries.ByPurchaseOrder("O'Neil&1+2#", "1010"), "100");

        Assert.Equal(
            "PurchaseOrderByCustomer eq 'O''Neil&1+2#' and SalesOrganization eq '1010'",
            Uri.UnescapeDataString(url.Query.Split('&')[0]["?$filter=".Length..]));
        Assert.StartsWith("https://s4.example.com/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$filter=", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("O%27%27Neil%261%2B2%23", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("&$select=SalesOrder%2CPurchaseOrderByCustomer%2CSalesOrganization%2COverallSDProcessStatus", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("&$format=json&sap-client=100", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_answer_gives_each_order_once_and_the_first_created_is_picked()
    {
        const string answer = """
            {"d":{"results":[
              {"__metadata":{"uri":"x"},"SalesOrder":"5000012","PurchaseOrderByCustomer":"DY1","OverallSDProcessStatus":"A"},
              {"SalesOrder":"5000003","PurchaseOrderByCustomer":"DY1","OverallSDProcessStatus":"C"},
              {"SalesOrder":"5000012","PurchaseOrderByCustomer":"DY1","OverallSDProcessStatus":"A"},
              {"SalesOrder":"5000099","PurchaseOrderByCustomer":"OTHER","OverallSDProcessStatus":"A"}]}}
            """;

        var refs = SapSalesOrderQueries.ParseRefs(answer);

        Assert.Equal(["5000012", "5000003", "5000099"], refs.Select(r => r.Number));
        Assert.Equal(["DY1", "DY1", "OTHER"], refs.Select(r => r.ExternalOrderNo));
        Assert.Equal(new ErpOrderRef("5000003", "5000003", "C", "DY1"), SapSalesOrderQueries.PickExisting(refs.Where(r => r.ExternalOrderNo == "DY1").ToList()));
        Assert.Empty(SapSalesOrderQueries.ParseRefs("""{"d":{"results":[]}}"""));
        Assert.Throws<ErpProtocolException>(() => SapSalesOrderQueries.ParseRefs("""{"results":[]}"""));
    }

    [Fact]
    public void Stock_sums_unrestricted_rows_of_the_plant_across_storage_locations_and_batches()
    {
        const string page = """
            {"d":{"results":[
              {"Material":"MAT-A","Plant":"1010","StorageLocation":"101A","Batch":"B1","InventoryStockType":"01","MatlWrhsStkQtyInMatlBaseUnit":"12.000"},
              {"Material":"MAT-A","Plant":"1010","StorageLocation":"101B","Batch":"","InventoryStockType":"01","MatlWrhsStkQtyInMatlBaseUnit":"3.500"},
              {"Material":"MAT-A","Plant":"1010","StorageLocation":"101A","Batch":"","InventoryStockType":"07","MatlWrhsStkQtyInMatlBaseUnit":"40"},
              {"Material":"MAT-A","Plant":"1710","StorageLocation":"171A","Batch":"","InventoryStockType":"01","MatlWrhsStkQtyInMatlBaseUnit":"100"},
              {"Material":"MAT-B","Plant":"1010","StorageLocation":"101A","Batch":"","InventoryStockType":"01","MatlWrhsStkQtyInMatlBaseUnit":"0.000"}],
              "__next":"https://s4/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod?$skiptoken=5"}}
            """;
        var totals = new Dictionary<string, decimal>();

        var next = SapStockQuery.Accumulate(page, "1010", totals);
        var levels = SapStockQuery.ToStockLevels(["MAT-A", "MAT-B", "MAT-C"], totals);

        Assert.EndsWith("$skiptoken=5", next, StringComparison.Ordinal);
        Assert.Equal(15.5m, levels.Available("MAT-A"));
        Assert.Equal(0m, levels.Available("MAT-B"));
        Assert.Equal(0m, levels.Available("MAT-C"));
    }

    [Fact]
    public void Stock_query_filters_materials_plant_and_unrestricted_stock_type()
    {
        var query = SapStockQuery.ForMaterials(["MAT-A", "MAT-B", "MAT-A"], "1010");

        Assert.Equal(
            "(Material eq 'MAT-A' or Material eq 'MAT-B') and Plant eq '1010' and InventoryStockType eq '01'",
            query.Options.Single(o => o.Key == "$filter").Value);
    }

    [Fact]
    public void Gateway_errors_are_read_and_classified_by_status()
    {
        const string body = """
            {"error":{"code":"V1/392","message":{"lang":"en","value":"Material X is not defined"},
             "innererror":{"errordetails":[{"code":"V1/392","message":"Material X is not defined","severity":"error"},
                                          {"code":"V1/999","message":"Item 10: check the material","severity":"error"},
                                          {"code":"V1/555","message":"just a warning","severity":"warning"}]}}}
            """;

        var error = SapODataError.TryParse(body);

        Assert.NotNull(error);
        Assert.Equal("V1/392: Material X is not defined (Item 10: check the material)", error.Text());
        Assert.Null(SapODataError.TryParse("<html>Service Unavailable</html>"));
        Assert.Equal(SapAnswerKind.Success, SapAnswerClassifier.Classify(201, null));
        Assert.Equal(SapAnswerKind.CsrfTokenRequired, SapAnswerClassifier.Classify(403, "Required"));
        Assert.Equal(SapAnswerKind.NotAuthorized, SapAnswerClassifier.Classify(403, null));
        Assert.Equal(SapAnswerKind.NotAuthorized, SapAnswerClassifier.Classify(401, null));
        Assert.Equal(SapAnswerKind.Throttled, SapAnswerClassifier.Classify(429, null));
        Assert.Equal(SapAnswerKind.Throttled, SapAnswerClassifier.Classify(503, null));
        Assert.Equal(SapAnswerKind.Transient, SapAnswerClassifier.Classify(500, null));
        Assert.Equal(SapAnswerKind.Transient, SapAnswerClassifier.Classify(404, null));
        Assert.Equal(SapAnswerKind.Rejected, SapAnswerClassifier.Classify(422, null));
        Assert.Equal(SapAnswerKind.Rejected, SapAnswerClassifier.Classify(400, null));
    }

    [Fact]
    public void Csrf_cookies_are_replayed_as_one_header_and_created_orders_give_their_number()
    {
        var header = SapCsrf.CookieHeader([
            "SAP_SESSIONID_S4H_100=abc%3d; path=/; HttpOnly",
            "sap-XSRF_S4H_100=xyz; path=/",
            "SAP_SESSIONID_S4H_100=newer; path=/",
        ]);

        Assert.Equal("sap-XSRF_S4H_100=xyz; SAP_SESSIONID_S4H_100=newer", header);
        Assert.Equal("5000123", SapCreatedSalesOrder.ParseNumber("""{"d":{"SalesOrder":"5000123","to_Item":{"results":[]}}}"""));
        Assert.Throws<ErpProtocolException>(() => SapCreatedSalesOrder.ParseNumber("""{"d":{"SalesOrder":""}}"""));
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 0, 0, 0, TimeSpan.Zero), SapODataValues.ParseDate("/Date(1718668800000)/"));
    }
}

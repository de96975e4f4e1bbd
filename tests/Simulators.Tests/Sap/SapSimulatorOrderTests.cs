namespace ServerlessSync.Simulators.Tests.Sap;

public sealed class SapSimulatorOrderTests
{
    private static JsonObject GiftItem() => new()
    {
        ["SalesOrderItem"] = "20",
        ["Material"] = "MAT-MASK-10",
        ["RequestedQuantity"] = "1",
        ["RequestedQuantityUnit"] = "PC",
        ["SalesOrderItemCategory"] = "TANN",
    };

    [Fact]
    public async Task Create_answers_201_with_the_new_number_items_and_net_values()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();

        var (status, body, response) = await sim.PostOrderAsync(SapSimHost.Order("DY-1001", "MAT-LIP-01", GiftItem()), token, cookies);

        Assert.Equal(201, status);
        var d = body!["d"]!;
        Assert.Equal("5000000", d["SalesOrder"]!.GetValue<string>());
        Assert.Equal("DY-1001", d["PurchaseOrderByCustomer"]!.GetValue<string>());
        Assert.Equal("100.00", d["TotalNetAmount"]!.GetValue<string>());
        Assert.Equal("A", d["OverallSDProcessStatus"]!.GetValue<string>());
        var items = d["to_Item"]!["results"]!.AsArray();
        Assert.Equal("100.00", items[0]!["NetAmount"]!.GetValue<string>());
        Assert.Equal("TAN", items[0]!["SalesOrderItemCategory"]!.GetValue<string>());
        Assert.Equal("0.00", items[1]!["NetAmount"]!.GetValue<string>());
        Assert.Equal("TANN", items[1]!["SalesOrderItemCategory"]!.GetValue<string>());
        Assert.EndsWith("/sap/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder('5000000')", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        response.Dispose();
    }

    [Fact]
    public async Task Business_and_gateway_refusals_answer_400_with_an_odata_error_and_store_nothing()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();
        var unknownProperty = SapSimHost.Order("DY-2");
        unknownProperty["SalesOrderKind"] = "X";
        var wrongSalesArea = SapSimHost.Order("DY-3");
        wrongSalesArea["SalesOrganization"] = "9999";

        var unknownMaterial = await sim.PostOrderAsync(SapSimHost.Order("DY-1", "MAT-UNKNOWN"), token, cookies);
        var badProperty = await sim.PostOrderAsync(unknownProperty, token, cookies);
        var tooLong = await sim.PostOrderAsync(SapSimHost.Order(new string('9', 36)), token, cookies);
        var salesArea = await sim.PostOrderAsync(wrongSalesArea, token, cookies);

        Assert.All(new[] { unknownMaterial, badProperty, tooLong, salesArea }, r => Assert.Equal(400, r.Status));
        Assert.Equal("V1/392", unknownMaterial.Body!["error"]!["code"]!.GetValue<string>());
        Assert.Contains("MAT-UNKNOWN", unknownMaterial.Body!["error"]!["message"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("SalesOrderKind", badProperty.Body!["error"]!["message"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("PurchaseOrderByCustomer", tooLong.Body!["error"]!["message"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Sales area 9999", salesArea.Body!["error"]!["message"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(sim.State.Orders);
    }

    [Fact]
    public async Task Lookup_by_purchase_order_honours_quotes_select_and_reports_duplicates()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();
        await sim.PostOrderAsync(SapSimHost.Order("A'B&C"), token, cookies);
        await sim.PostOrderAsync(SapSimHost.Order("AB&C"), token, cookies);
        await sim.PostOrderAsync(SapSimHost.Order("A'B&C"), token, cookies);

        var filter = Uri.EscapeDataString("PurchaseOrderByCustomer eq 'A''B&C' and SalesOrganization eq '1010'");
        var (status, body) = await sim.GetAsync($"{SapSimHost.SalesOrders}?$filter={filter}&$select=SalesOrder,PurchaseOrderByCustomer&$format=json");
        var report = JsonNode.Parse(await sim.Http.GetStringAsync("sap/_sim/orders"))!;

        Assert.Equal(200, status);
        var results = body!["d"]!["results"]!.AsArray();
        Assert.Equal(["5000000", "5000002"], results.Select(r => r!["SalesOrder"]!.GetValue<string>()));
        Assert.All(results, r => Assert.Equal("A'B&C", r!["PurchaseOrderByCustomer"]!.GetValue<string>()));
        Assert.Null(results[0]!["SoldToParty"]);
        Assert.NotNull(results[0]!["__metadata"]);
        Assert.Equal(3, report["count"]!.GetValue<int>());
        Assert.Equal("5000001", report["orders"]![1]!["billNo"]!.GetValue<string>());
        Assert.Equal("AB&C", report["orders"]![1]!["netOrderBillNo"]!.GetValue<string>());
        Assert.Equal("A", report["orders"]![1]!["status"]!.GetValue<string>());
        Assert.Equal(["A'B&C"], report["duplicates"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task A_malformed_filter_is_a_400()
    {
        await using var sim = await SapSimHost.StartAsync();

        var (unterminated, _) = await sim.GetAsync($"{SapSimHost.SalesOrders}?$filter={Uri.EscapeDataString("PurchaseOrderByCustomer eq 'A")}");
        var (unknown, body) = await sim.GetAsync($"{SapSimHost.SalesOrders}?$filter={Uri.EscapeDataString("Nope eq 'A'")}");

        Assert.Equal(400, unterminated);
        Assert.Equal(400, unknown);
        Assert.Contains("Nope", body!["error"]!["message"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_comes_in_rows_per_plant_storage_location_batch_and_stock_type_and_pages_with_next_links()
    {
        await using var sim = await SapSimHost.StartAsync(o => o.ServerPageSize = 2);
        using var added = await sim.Http.PostAsJsonAsync("sap/_sim/stock", new { material = "MAT-LIP-01", quantity = 7, batch = "B0001", storageLocation = "101B" });

        var filter = Uri.EscapeDataString("Material eq 'MAT-LIP-01'");
        var (_, first) = await sim.GetAsync($"{SapSimHost.Stock}?$filter={filter}&$format=json");
        var next = first!["d"]!["__next"]!.GetValue<string>();
        var (_, second) = await sim.GetAsync(next);

        var rows = first["d"]!["results"]!.AsArray().Concat(second!["d"]!["results"]!.AsArray()).ToList();
        Assert.Contains("$skiptoken=2", next, StringComparison.Ordinal);
        Assert.Null(second["d"]!["__next"]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(
            ["1010/101A//01=1000000.000", "1010/101A//07=10.000", "1010/101B/B0001/01=7.000", "1710/171A//01=100.000"],
            rows.Select(r => $"{r!["Plant"]}/{r["StorageLocation"]}/{r["Batch"]}/{r["InventoryStockType"]}={r["MatlWrhsStkQtyInMatlBaseUnit"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reset_forgets_orders_and_sessions()
    {
        await using var sim = await SapSimHost.StartAsync();
        var (token, cookies) = await sim.FetchTokenAsync();
        await sim.PostOrderAsync(SapSimHost.Order("DY-R"), token, cookies);

        using var reset = await sim.Http.PostAsync("sap/_sim/reset", null);
        var report = JsonNode.Parse(await sim.Http.GetStringAsync("sap/_sim/orders"))!;
        var metrics = JsonDocument.Parse(await sim.Http.GetStringAsync("sap/_sim/metrics")).RootElement;

        Assert.Equal(0, report["count"]!.GetValue<int>());
        Assert.Equal(0, metrics.GetProperty("sessions").GetInt32());
        Assert.Equal(403, (await sim.PostOrderAsync(SapSimHost.Order("DY-R"), token, cookies)).Status);
    }
}

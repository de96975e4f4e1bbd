using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators.Tests.Kingdee;

public sealed class KingdeeSimulatorInspectionTests
{
    [Fact]
    public async Task Stock_query_returns_seeded_rows_in_field_key_order_and_stock_can_be_set()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.Stock["MAT-LIP-02"] = 7);
        await sim.LoginAsync();
        using var set = await sim.PostJsonAsync("kingdee/_sim/stock", new { material = "MAT-LIP-01", quantity = 12.5m, warehouse = "CK002" });

        var query = new KingdeeBillQuery("STK_Inventory", ["FStockId.FNumber", "FMaterialId.FNumber", "FBaseQty"],
            "FMaterialId.FNumber in ('MAT-LIP-01','MAT-LIP-02')").ToBody();
        var (_, answer) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, query);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var rows = answer!.AsArray().Select(r => r!.AsArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r[0]!.GetValue<string>() == "CK001" && r[1]!.GetValue<string>() == "MAT-LIP-01" && r[2]!.GetValue<decimal>() == DemoCatalog.DefaultStock);
        Assert.Contains(rows, r => r[0]!.GetValue<string>() == "CK002" && r[1]!.GetValue<string>() == "MAT-LIP-01" && r[2]!.GetValue<decimal>() == 12.5m);
        Assert.Contains(rows, r => r[1]!.GetValue<string>() == "MAT-LIP-02" && r[2]!.GetValue<decimal>() == 7m);
    }

    [Fact]
    public async Task Orders_endpoint_lists_bills_and_duplicates_and_reset_clears_them()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        await sim.SaveAsync("DY-DUP");
        await sim.SaveAsync("DY-DUP");
        await sim.SaveAsync("DY-ONE");

        var report = JsonNode.Parse(await sim.Http.GetStringAsync("kingdee/_sim/orders"))!;
        var metrics = JsonNode.Parse(await sim.Http.GetStringAsync("kingdee/_sim/metrics"))!;
        using var reset = await sim.Http.PostAsync("kingdee/_sim/reset", null);

        Assert.Equal(3, report["count"]!.GetValue<int>());
        var first = report["orders"]![0]!;
        Assert.Equal("DY-DUP", first["netOrderBillNo"]!.GetValue<string>());
        Assert.Equal("A", first["status"]!.GetValue<string>());
        Assert.Equal("CUST-DOUYIN-01", first["customer"]!.GetValue<string>());
        Assert.Equal(100m, first["totalAmount"]!.GetValue<decimal>());
        Assert.Equal("MAT-LIP-01", first["lines"]![0]!["material"]!.GetValue<string>());
        Assert.Equal(["DY-DUP"], report["duplicates"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(4, metrics["totalCalls"]!.GetValue<long>());
        Assert.Empty(sim.State.Bills);
        Assert.Equal(0, sim.State.Metrics.Snapshot().TotalCalls);
        Assert.Equal(0, sim.State.Sessions.Count);
    }

    [Fact]
    public void Filter_parser_handles_equality_in_lists_and_quote_doubling()
    {
        var filter = KingdeeSimFilter.ParseText("FMaterialId.FNumber in ('A','O''K') and FStockId.FNumber='CK001'")!;
        var lookup = KingdeeSimFilter.ParseText(KingdeeFilter.Equal("FNetOrderBillNo", "69'21"))!;

        Assert.Equal(2, filter.Clauses.Count);
        Assert.True(filter.Matches(f => f == "FStockId.FNumber" ? "CK001" : "O'K"));
        Assert.False(filter.Matches(f => f == "FStockId.FNumber" ? "CK002" : "A"));
        Assert.True(lookup.Matches(_ => "69'21"));
        Assert.Null(KingdeeSimFilter.ParseText("FBillNo > 'X'"));
        Assert.Null(KingdeeSimFilter.ParseText("FBillNo='unterminated"));
        Assert.Empty(KingdeeSimFilter.ParseText("")!.Clauses);
    }

    [Fact]
    public void Filter_parser_handles_like_with_escaped_wildcards_and_or_groups()
    {
        var search = KingdeeSimFilter.ParseText(KingdeeFilter.Contains("FNumber", "50[%]_") + " or " + KingdeeFilter.Contains("FName", "面霜"))!;
        var prefix = KingdeeSimFilter.ParseText("FNumber like 'mat-%' and FName='x'")!;

        Assert.True(search.Matches(f => f == "FNumber" ? "CREAM-50[%]_X" : "other"));
        Assert.False(search.Matches(f => f == "FNumber" ? "CREAM-50%X" : "other"));
        Assert.True(search.Matches(f => f == "FName" ? "保湿面霜 50ml" : "other"));
        Assert.True(prefix.Matches(f => f == "FNumber" ? "MAT-LIP" : "x"));
        Assert.False(prefix.Matches(f => f == "FNumber" ? "MAT-LIP" : "y"));
        Assert.False(prefix.Matches(_ => "x"));
    }
}

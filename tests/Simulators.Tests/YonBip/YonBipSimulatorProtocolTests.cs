using static ServerlessSync.Simulators.Tests.YonBip.YonBipSimHost;

namespace ServerlessSync.Simulators.Tests.YonBip;

public sealed class YonBipSimulatorProtocolTests
{
    [Fact]
    public async Task Token_needs_a_known_app_key_and_a_valid_signature()
    {
        await using var sim = await StartAsync();

        var ok = await sim.TokenRawAsync("sim-yonbip-app-key", "sim-yonbip-app-secret");
        var wrongSecret = await sim.TokenRawAsync("sim-yonbip-app-key", "not-the-secret");
        var wrongKey = await sim.TokenRawAsync("other-app", "sim-yonbip-app-secret");

        Assert.Equal("00000", Code(ok));
        Assert.Equal(7200, ok["data"]!["expire"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(ok["data"]!["access_token"]!.GetValue<string>()));
        Assert.NotEqual("00000", Code(wrongSecret));
        Assert.Null(wrongSecret["data"]);
        Assert.Equal("10018", Code(wrongKey));
        Assert.Equal(1, sim.State.Tokens.Count);
    }

    [Fact]
    public async Task Business_calls_without_a_valid_or_live_token_answer_310001_or_310036_with_http_200()
    {
        await using var sim = await StartAsync(o => o.TokenLifetimeSeconds = 1);
        await sim.GetTokenAsync();

        var (missingStatus, missing) = await sim.CallAsync(YonBipPaths.SaleOrderList, "{}", token: "");
        var (badStatus, bad) = await sim.CallAsync(YonBipPaths.SaleOrderList, "{}", token: "forged");
        var (_, fresh) = await sim.CallAsync(YonBipPaths.SaleOrderList, "{}");
        await Task.Delay(1100);
        var (_, expired) = await sim.CallAsync(YonBipPaths.SaleOrderList, "{}");

        Assert.Equal(200, missingStatus);
        Assert.Equal("310001", Code(missing));
        Assert.Equal(200, badStatus);
        Assert.Equal("310036", Code(bad));
        Assert.Equal("非法token", bad!["message"]!.GetValue<string>());
        Assert.Equal("200", Code(fresh));
        Assert.Equal("310036", Code(expired));
    }

    [Fact]
    public async Task Save_submit_audit_takes_the_order_from_open_to_approved_and_the_wrong_step_fails_with_code_200()
    {
        await using var sim = await StartAsync();
        await sim.GetTokenAsync();

        var save = await sim.SaveAsync("DY-1001", key: "dyDY-1001");
        var id = save["data"]!["id"]!.ToString();
        var body = YonBipBatchResult.BuildBody([id]);
        var (_, auditFirst) = await sim.CallAsync(YonBipPaths.SaleOrderAudit, body);
        var (_, submit) = await sim.CallAsync(YonBipPaths.SaleOrderSubmit, body);
        var stateAfterSubmit = sim.State.Orders.Single().VerifyState;
        var (_, submitAgain) = await sim.CallAsync(YonBipPaths.SaleOrderSubmit, body);
        var (_, audit) = await sim.CallAsync(YonBipPaths.SaleOrderAudit, body);

        Assert.Equal("200", Code(save));
        Assert.Matches("^[0-9]{19}$", id);
        Assert.Matches("^UO-[0-9]{14}$", save["data"]!["code"]!.GetValue<string>());
        Assert.StartsWith("OPENAPI_", save["data"]!["resubmitCheckKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("200", Code(auditFirst));
        Assert.Equal(1, auditFirst!["data"]!["failCount"]!.GetValue<int>());
        Assert.Equal(1, submit!["data"]!["sucessCount"]!.GetValue<int>());
        Assert.Equal("APPROVING", submit["data"]!["infos"]![0]!["nextStatus"]!.GetValue<string>());
        Assert.Equal(1, stateAfterSubmit);
        Assert.Equal(1, submitAgain!["data"]!["failCount"]!.GetValue<int>());
        Assert.Equal("CONFIRMORDER", audit!["data"]!["infos"]![0]!["nextStatus"]!.GetValue<string>());
        Assert.Equal(2, sim.State.Orders.Single().VerifyState);
    }

    [Fact]
    public async Task Without_an_approval_step_submit_confirms_the_order()
    {
        await using var sim = await StartAsync(o => o.SubmitNeedsAudit = false);
        await sim.GetTokenAsync();
        var id = (await sim.SaveAsync("DY-1002"))["data"]!["id"]!.ToString();

        var (_, submit) = await sim.CallAsync(YonBipPaths.SaleOrderSubmit, YonBipBatchResult.BuildBody([id]));

        Assert.Equal("CONFIRMORDER", submit!["data"]!["infos"]![0]!["nextStatus"]!.GetValue<string>());
        Assert.Equal(2, sim.State.Orders.Single().VerifyState);
    }

    [Fact]
    public async Task Resubmit_check_key_replays_the_first_result_within_the_window_and_answers_100004_after_it()
    {
        await using var sim = await StartAsync();
        await sim.GetTokenAsync();

        var first = await sim.SaveAsync("DY-KEY-1", key: "dyDY-KEY-1");
        var replay = await sim.SaveAsync("DY-KEY-1", key: "dyDY-KEY-1");
        sim.Options.ResubmitCheckKeyWindowSeconds = 0;
        var afterWindow = await sim.SaveAsync("DY-KEY-1", key: "dyDY-KEY-1");
        var tooLong = await sim.SaveAsync("DY-KEY-2", key: new string('k', 33));

        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal("100004", Code(afterWindow));
        Assert.Equal(first["data"]!["id"]!.ToString(), afterWindow["data"]!["id"]!.ToString());
        Assert.Single(afterWindow["data"]!.AsObject());
        Assert.Equal("310008", Code(tooLong));
        Assert.Single(sim.State.Orders);
    }

    [Fact]
    public async Task Save_refuses_what_the_tenant_would_with_999_or_310008()
    {
        await using var sim = await StartAsync();
        await sim.GetTokenAsync();

        var unknownProduct = await sim.SaveAsync("DY-V-1", product: "MAT-NOPE");
        var wrongTotal = await sim.SaveAsync("DY-V-2", edit: d => d["payMoney"] = 99.99m);
        var badType = await sim.SaveAsync("DY-V-3", edit: d => d["orderDetails"]![0]!["orderProductType"] = "FREEBIE");
        var giftWithPrice = await sim.SaveAsync("DY-V-4", edit: d => d["orderDetails"] = new JsonArray(Line("MAT-LIP-01", 1, 100m, 88.5m, "GIFT")));
        var noLineStatus = await sim.SaveAsync("DY-V-5", edit: d => d["orderDetails"]![0]!.AsObject().Remove("_status"));
        var (_, unwrapped) = await sim.CallAsync(YonBipPaths.SaleOrderSave, SaveData("DY-V-6").ToJsonString());

        Assert.Equal("999", Code(unknownProduct));
        Assert.Contains("MAT-NOPE", unknownProduct["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("999", Code(wrongTotal));
        Assert.Equal("999", Code(badType));
        Assert.Equal("999", Code(giftWithPrice));
        Assert.Equal("999", Code(noLineStatus));
        Assert.Contains("_status", noLineStatus["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("310008", Code(unwrapped));
        Assert.Empty(sim.State.Orders);
    }

    [Fact]
    public async Task List_finds_by_header_define_detail_reads_by_id_and_stock_is_a_bare_array()
    {
        await using var sim = await StartAsync(o => o.Stock["MAT-LIP-02"] = 7);
        await sim.GetTokenAsync();
        var id = (await sim.SaveAsync("DY-L-1"))["data"]!["id"]!.ToString();
        await sim.SaveAsync("DY-L-2");

        var (_, list) = await sim.CallAsync(YonBipPaths.SaleOrderList, YonBipSaleOrderQueries.ByExternalOrderNoBody("DY-L-1"));
        var (_, detail) = await sim.CallAsync(YonBipPaths.SaleOrderDetail, null, extraQuery: "&id=" + id);
        var (_, stock) = await sim.CallAsync(YonBipPaths.CurrentStock, YonBipStockQuery.BuildBody("MAT-LIP-02"));
        var (notFoundStatus, notFound) = await sim.CallAsync("yonbip/sd/voucherorder/nope", "{}");

        Assert.Equal(1, list!["data"]!["recordCount"]!.GetValue<int>());
        Assert.Equal(id, list["data"]!["recordList"]![0]!["id"]!.ToString());
        Assert.Equal(0, list["data"]!["recordList"]![0]!["verifystate"]!.GetValue<int>());
        Assert.Equal("DY-L-1", detail!["data"]!["headItem"]!["define13"]!.GetValue<string>());
        Assert.Equal("GIFT", detail["data"]!["orderDetails"]![1]!["orderProductType"]!.GetValue<string>());
        var rows = stock!["data"]!.AsArray();
        Assert.Equal("MAT-LIP-02", rows.Single()!["productCode"]!.GetValue<string>());
        Assert.Equal(7m, rows.Single()!["availableqty"]!.GetValue<decimal>());
        Assert.Equal(404, notFoundStatus);
        Assert.Equal("310404", Code(notFound));
    }
}

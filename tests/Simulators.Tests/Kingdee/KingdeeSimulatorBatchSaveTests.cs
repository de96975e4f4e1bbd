namespace ServerlessSync.Simulators.Tests.Kingdee;

public sealed class KingdeeSimulatorBatchSaveTests
{
    private static JsonNode Status(JsonNode? answer) => answer!["Result"]!["ResponseStatus"]!;

    private static string BatchSave(bool autoSubmitAndAudit, params string[] netOrderNos) =>
        KingdeeSimHost.BatchSaveBody(autoSubmitAndAudit, netOrderNos.Select(n => (n, "MAT-LIP-01")).ToArray());

    [Fact]
    public async Task Batch_save_with_auto_submit_and_audit_stores_every_bill_audited_in_one_call()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var (status, answer) = await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, "DY-B1", "DY-B2", "DY-B3"));

        Assert.Equal(200, status);
        Assert.True(Status(answer)["IsSuccess"]!.GetValue<bool>());
        var saved = Status(answer)["SuccessEntitys"]!.AsArray();
        Assert.Equal([0, 1, 2], saved.Select(e => e!["DIndex"]!.GetValue<int>()));
        Assert.Equal(["DY-B1", "DY-B2", "DY-B3"], saved.Select(e => sim.State.Store.Find(e!["Number"]!.GetValue<string>(), null)!.NetOrderBillNo));
        Assert.All(sim.State.Bills, b => Assert.Equal("C", b.Status));
        var metrics = sim.State.Metrics.Snapshot();
        Assert.Equal(2, metrics.TotalCalls);
        Assert.Equal(1, metrics.CallsByService["Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.BatchSave"]);
    }

    [Fact]
    public async Task Without_auto_submit_and_audit_batch_saved_bills_stay_created()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(false, "DY-A1", "DY-A2"));

        Assert.Equal(["A", "A"], sim.State.Bills.Select(b => b.Status));
    }

    [Fact]
    public async Task A_bad_row_is_refused_by_its_dindex_while_the_other_rows_are_saved()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var (_, answer) = await sim.CallAsync(KingdeeServices.BatchSave,
            KingdeeSimHost.BatchSaveBody(true, ("DY-P1", "MAT-LIP-01"), ("DY-P2", "MAT-NOPE"), ("DY-P3", "MAT-LIP-01")));

        var status = Status(answer);
        Assert.False(status["IsSuccess"]!.GetValue<bool>());
        Assert.Equal(500, status["ErrorCode"]!.GetValue<int>());
        Assert.Equal(11, status["MsgCode"]!.GetValue<int>());
        var error = status["Errors"]!.AsArray().Single()!;
        Assert.Equal(1, error["DIndex"]!.GetValue<int>());
        Assert.Equal("FMaterialId", error["FieldName"]!.GetValue<string>());
        Assert.Equal([0, 2], status["SuccessEntitys"]!.AsArray().Select(e => e!["DIndex"]!.GetValue<int>()));
        Assert.Equal(["DY-P1", "DY-P3"], sim.State.Bills.Select(b => b.NetOrderBillNo));
    }

    [Fact]
    public async Task Business_reject_rate_refuses_rows_one_by_one()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.BusinessRejectRate = 1);
        await sim.LoginAsync();

        var (_, answer) = await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, "DY-R1", "DY-R2"));

        Assert.Equal([0, 1], Status(answer)["Errors"]!.AsArray().Select(e => e!["DIndex"]!.GetValue<int>()));
        Assert.Empty(sim.State.Bills);
        Assert.Equal(2, sim.State.Metrics.Snapshot().BusinessRejects);
    }

    [Fact]
    public async Task A_batch_without_a_model_array_is_a_parameter_error()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var (_, empty) = await sim.CallAsync(KingdeeServices.BatchSave, KingdeeEnvelope.Raw("SAL_SaleOrder", new JsonObject { ["Model"] = new JsonArray() }));
        var (_, single) = await sim.CallAsync(KingdeeServices.BatchSave, KingdeeSimHost.SaveBody("DY-NOT-ARRAY"));

        Assert.Equal(8, Status(empty)["MsgCode"]!.GetValue<int>());
        Assert.Equal(8, Status(single)["MsgCode"]!.GetValue<int>());
        Assert.Empty(sim.State.Bills);
    }

    [Fact]
    public async Task Commit_then_timeout_commits_every_bill_of_the_batch_and_never_answers()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o =>
        {
            o.CommitThenTimeoutRate = 1;
            o.CommitThenTimeoutHoldMs = 300;
        });
        await sim.LoginAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, "DY-L1", "DY-L2")));

        Assert.Equal(["DY-L1", "DY-L2"], sim.State.Bills.Select(b => b.NetOrderBillNo));
        Assert.All(sim.State.Bills, b => Assert.Equal("C", b.Status));
        Assert.Equal(1, sim.State.Metrics.Snapshot().CommitThenTimeouts);
    }

    [Fact]
    public async Task A_transient_failure_answers_http_500_and_stores_nothing()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        sim.Options.TransientFailureRate = 1;

        var (status, _) = await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, "DY-T1", "DY-T2"));

        Assert.Equal(500, status);
        Assert.Empty(sim.State.Bills);
    }

    [Fact]
    public async Task A_batch_counts_as_one_call_against_the_rate_cap()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.MaxCallsPerSecond = 2);
        await sim.LoginAsync();

        var (_, answer) = await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, Enumerable.Range(1, 20).Select(i => $"DY-C{i}").ToArray()));

        Assert.True(Status(answer)["IsSuccess"]!.GetValue<bool>());
        Assert.Equal(20, sim.State.Bills.Count);
        Assert.Equal(0, sim.State.Metrics.Snapshot().Throttled);
    }

    [Fact]
    public async Task Bill_query_with_an_in_filter_finds_the_bills_of_several_platform_orders_with_quotes_escaped()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        await sim.CallAsync(KingdeeServices.BatchSave, BatchSave(true, "DY-Q1", "DY'Q2", "DY-Q3"));

        var (_, answer) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, KingdeeSaleOrderQueries.ByExternalOrderNos(["DY'Q2", "DY-Q3", "DY-NONE"]).ToBody());

        var rows = answer!.AsArray().Select(r => r!.AsArray()).ToList();
        Assert.Equal(["DY'Q2", "DY-Q3"], rows.Select(r => r[3]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal("C", r[2]!.GetValue<string>()));
        Assert.Equal(sim.State.FindByNetOrderBillNo("DY'Q2").Single().BillNo, rows[0][1]!.GetValue<string>());
    }
}

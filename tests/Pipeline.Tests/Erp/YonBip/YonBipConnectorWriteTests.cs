using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

public sealed class YonBipConnectorWriteTests
{
    [Fact]
    public async Task Create_saves_submits_and_audits_with_exact_money_gift_flag_and_the_platform_number()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(
            Order("6921234567890123", Line("MAT-LIP-01", 3, 10000), Line("MAT-MASK-10", 1, 0, gift: true)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        var order = h.Sim.Orders.Single();
        Assert.Equal(order.Code, outcome.ErpOrderNumber);
        Assert.Equal(2, order.VerifyState);
        Assert.Equal("6921234567890123", order.ExternalOrderNo);
        Assert.Equal("dy6921234567890123", order.ResubmitCheckKey);
        Assert.Equal(100m, order.PayMoney);
        Assert.Equal(33.333333m, order.Lines[0].OriTaxUnitPrice);
        Assert.Equal(88.50m, order.Lines[0].OriMoney);
        Assert.Equal("SALE", order.Lines[0].OrderProductType);
        Assert.Equal("GIFT", order.Lines[1].OrderProductType);
        Assert.Equal(0m, order.Lines[1].OriSum);
        Assert.Equal("71000001", order.HeadItem["define14"]);
        Assert.Equal(1, h.Calls("batchsubmit"));
        Assert.Equal(1, h.Calls("batchaudit"));
    }

    [Fact]
    public async Task Commit_then_timeout_throws_transient_and_the_lookup_then_finds_exactly_one_order_to_complete()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        var found = await h.Connector.FindByExternalOrderNoAsync("DY-X-1", CancellationToken.None);
        var completed = await h.Connector.CompleteExistingAsync(found!, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(YonBipVerifyState.Open, found.DocumentStatus);
        Assert.Equal(ErpWriteResult.AlreadyExists, completed.Result);
        Assert.Equal(found.Number, completed.ErpOrderNumber);
        Assert.Equal(2, h.Sim.FindByExternalOrderNo("DY-X-1").Single().VerifyState);
        Assert.Equal(1, h.Calls("singleSave"));
    }

    [Fact]
    public async Task A_create_retried_after_a_lost_answer_replays_the_first_save_through_its_resubmit_check_key()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-2"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;

        var retried = await h.Connector.CreateSalesOrderAsync(Order("DY-X-2"), CancellationToken.None);

        var order = h.Sim.Orders.Single();
        Assert.Equal(ErpWriteResult.Created, retried.Result);
        Assert.Equal(order.Code, retried.ErpOrderNumber);
        Assert.Equal(2, order.VerifyState);
        Assert.Empty(h.Sim.Duplicates);
    }

    [Fact]
    public async Task A_duplicate_submission_after_the_key_window_is_already_exists()
    {
        await using var h = await StartAsync(o => o.ResubmitCheckKeyWindowSeconds = 0);
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-D-1"), CancellationToken.None);

        var again = await h.Connector.CreateSalesOrderAsync(Order("DY-D-1"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, first.Result);
        Assert.Equal(ErpWriteResult.AlreadyExists, again.Result);
        Assert.Equal(first.ErpOrderNumber, again.ErpOrderNumber);
        Assert.Equal(1, h.Calls("detail"));
        Assert.Equal(1, h.Calls("batchsubmit"));
        Assert.Single(h.Sim.Orders);
    }

    [Fact]
    public async Task Submit_refused_with_code_200_and_a_fail_count_is_a_rejection()
    {
        await using var h = await StartAsync();
        await h.Connector.FindByExternalOrderNoAsync("warm-up", CancellationToken.None);

        var outcome = await h.Connector.CompleteExistingAsync(new ErpOrderRef("UO-GONE", "2446326816231689999", YonBipVerifyState.Open), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Contains("batchsubmit", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("不存在", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, h.Calls("batchsubmit"));
        Assert.Equal(0, h.Calls("batchaudit"));
    }

    [Fact]
    public async Task A_stale_open_reference_to_an_order_already_submitted_is_finished_by_audit()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-S-1"), CancellationToken.None));
        var stale = (await h.Connector.FindByExternalOrderNoAsync("DY-S-1", CancellationToken.None))!;
        h.Sim.Store.TryMove(h.Sim.Orders.Single().Id, 0, 1);

        var outcome = await h.Connector.CompleteExistingAsync(stale, CancellationToken.None);

        Assert.Equal(YonBipVerifyState.Open, stale.DocumentStatus);
        Assert.Equal(ErpWriteResult.AlreadyExists, outcome.Result);
        Assert.Equal(2, h.Sim.Orders.Single().VerifyState);
        Assert.Equal(1, h.Calls("batchsubmit"));
        Assert.Equal(1, h.Calls("batchaudit"));
    }

    [Fact]
    public async Task Without_an_approval_step_the_order_is_confirmed_at_submit_and_not_audited()
    {
        await using var h = await StartAsync(o => o.SubmitNeedsAudit = false);

        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-N-1"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        Assert.Equal(2, h.Sim.Orders.Single().VerifyState);
        Assert.Equal(0, h.Calls("batchaudit"));
    }
}

using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Erp.Kingdee;
using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeConnectorWriteTests
{
    [Fact]
    public async Task Create_saves_submits_and_audits_the_order()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(
            Order("DY-C-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-MASK-10", 1, 0, gift: true)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        var bill = h.Sim.Bills.Single();
        Assert.Equal(outcome.ErpOrderNumber, bill.BillNo);
        Assert.Equal("C", bill.Status);
        Assert.Equal("DY-C-1", bill.NetOrderBillNo);
        Assert.Equal(100m, bill.TotalAmount);
        Assert.Equal(33.333333m, bill.Lines[0].TaxPrice);
        Assert.True(bill.Lines[1].IsFree);
        Assert.Equal("71000001", bill.CustomFields[KingdeeMarketingFields.AnchorId]);
    }

    [Fact]
    public async Task Unknown_material_is_rejected_with_the_erp_message()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-R-1", Line("MAT-UNKNOWN", 1, 100)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Contains("MAT-UNKNOWN", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(h.Sim.Bills);
    }

    [Fact]
    public async Task Invalid_document_is_rejected_without_calling_the_erp()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-R-2") with { TotalAmountFen = 1 }, CancellationToken.None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Equal(0, h.Sim.Metrics.Snapshot().TotalCalls);
    }

    [Fact]
    public async Task Lost_session_is_renewed_and_the_call_repeated_once()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-S-1"), CancellationToken.None);

        h.Sim.DropSessions();
        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-S-2"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        Assert.Equal(2, h.Calls("LoginBySign"));
        Assert.Equal(1, h.Sim.Metrics.Snapshot().SessionRejections);
        Assert.Equal(2, h.Sim.Bills.Count);
        Assert.Empty(h.Sim.Duplicates);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_login()
    {
        await using var h = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => h.Connector.CreateSalesOrderAsync(Order($"DY-P-{i}"), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(1, h.Calls("LoginBySign"));
        Assert.Equal(8, h.Sim.Bills.Count(b => b.Status == "C"));
    }

    [Fact]
    public async Task Http_500_on_a_write_is_transient_and_not_retried()
    {
        await using var h = await StartAsync();
        await h.Connector.FindByExternalOrderNoAsync("warm-up", CancellationToken.None);
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-T-1"), CancellationToken.None));

        Assert.Equal(1, h.Calls("Save"));
        Assert.Empty(h.Sim.Bills);
    }

    [Fact]
    public async Task Commit_then_timeout_throws_transient_and_the_lookup_then_finds_and_completes_the_bill()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None));
        var found = await h.Connector.FindByExternalOrderNoAsync("DY-X-1", CancellationToken.None);
        var completed = await h.Connector.CompleteExistingAsync(found!, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("A", found.DocumentStatus);
        Assert.Equal(ErpWriteResult.AlreadyExists, completed.Result);
        Assert.Equal(found.Number, completed.ErpOrderNumber);
        Assert.Equal("C", h.Sim.Bills.Single().Status);
        Assert.Equal(1, h.Calls("Save"));
    }

    [Fact]
    public async Task Wrong_credentials_make_login_fail_transiently()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Kingdee:AppSecret"] = "not-the-secret");

        var error = await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-L-1"), CancellationToken.None));

        Assert.Contains("login", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, h.Calls("Save"));
    }
}

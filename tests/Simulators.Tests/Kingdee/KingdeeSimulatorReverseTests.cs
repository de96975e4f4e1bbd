namespace ServerlessSync.Simulators.Tests.Kingdee;

public sealed class KingdeeSimulatorReverseTests
{
    [Fact]
    public async Task Delete_refuses_an_audited_bill_until_unaudit_returns_it_to_D()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        await sim.SaveAsync("DY-DEL-1");
        var number = Assert.Single(sim.State.Bills).BillNo;
        await sim.CallAsync(KingdeeServices.Submit, KingdeeOperationRequest.Submit(KingdeeFormIds.SaleOrder, [number]));
        await sim.CallAsync(KingdeeServices.Audit, KingdeeOperationRequest.Audit(KingdeeFormIds.SaleOrder, [number]));

        var (_, refused) = await sim.CallAsync(KingdeeServices.Delete, KingdeeOperationRequest.Delete(KingdeeFormIds.SaleOrder, [number]));
        var stillThere = Assert.Single(sim.State.Bills).Status;
        var (_, unaudited) = await sim.CallAsync(KingdeeServices.UnAudit, KingdeeOperationRequest.UnAudit(KingdeeFormIds.SaleOrder, [number]));
        var afterUnaudit = Assert.Single(sim.State.Bills).Status;
        var (_, deleted) = await sim.CallAsync(KingdeeServices.Delete, KingdeeOperationRequest.Delete(KingdeeFormIds.SaleOrder, [number]));
        var report = JsonNode.Parse(await sim.Http.GetStringAsync("kingdee/_sim/orders"))!;

        Assert.False(IsSuccess(refused));
        Assert.Equal("C", stillThere);
        Assert.True(IsSuccess(unaudited));
        Assert.Equal("D", afterUnaudit);
        Assert.True(IsSuccess(deleted));
        Assert.Equal(0, report["count"]!.GetValue<int>());
        Assert.Equal(number, report["deleted"]![0]!["billNo"]!.GetValue<string>());
        Assert.Equal("DY-DEL-1", report["deleted"]![0]!["netOrderBillNo"]!.GetValue<string>());
    }

    private static bool IsSuccess(JsonNode? answer) =>
        answer!["Result"]!["ResponseStatus"]!["IsSuccess"]!.GetValue<bool>();
}

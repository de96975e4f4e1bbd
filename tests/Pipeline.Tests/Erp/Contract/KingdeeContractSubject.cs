using ServerlessSync.Pipeline.Tests.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class KingdeeContractSubject(KingdeeConnectorHarness h) : ErpContractSubject, IErpCredentialSubject
{
    public override IErpConnector Connector => h.Connector;

    public override IReadOnlyList<string> Duplicates => h.Sim.Duplicates;

    public override long CreateCalls => h.Calls("Save") + h.Calls("BatchSave");

    public override long LookupCalls => h.Calls("ExecuteBillQuery");

    public override long StockCalls => h.Calls("ExecuteBillQuery");

    public override long Throttled => h.Sim.Metrics.Snapshot().Throttled;

    public override long TransientFailures => h.Sim.Metrics.Snapshot().TransientFailures;

    public override string WrongSecretMessage => "login";

    public override string RefusalCode => "";

    public override string ThrottleCode => "14";

    public override int StockMaterialsPerCall => 2;

    public long CredentialCalls => h.Calls("LoginBySign");

    public long CredentialRejections => h.Sim.Metrics.Snapshot().SessionRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new KingdeeContractSubject(await KingdeeConnectorHarness.StartAsync(settings: s =>
        {
            s["Erp:Kingdee:StockQueryBatchSize"] = "2";
            settings(s);
        }));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        h.Sim.Bills.Where(b => b.NetOrderBillNo == externalOrderNo).Select(b => b.BillNo).ToList();

    public override string StateOf(string number) => h.Sim.Bills.Single(b => b.BillNo == number).Status;

    public override bool IsComplete(string number) => StateOf(number) == "C";

    public override bool IsReversed(string number) => h.Sim.DeletedBills.Any(b => b.BillNo == number);

    public override void FailEveryCall(bool on) => h.Sim.Options.TransientFailureRate = on ? 1 : 0;

    public override void LoseAnswersAfterCommit(bool on) => h.Sim.Options.CommitThenTimeoutRate = on ? 1 : 0;

    public override void IgnoreLookupFilter() => h.Sim.Options.OrderLookupIgnoresFilter = true;

    public override void AllowCallsPerSecond(double rate) => h.Sim.Options.MaxCallsPerSecond = rate;

    public void DropCredentials() => h.Sim.DropSessions();

    public override ValueTask DisposeAsync() => h.DisposeAsync();
}

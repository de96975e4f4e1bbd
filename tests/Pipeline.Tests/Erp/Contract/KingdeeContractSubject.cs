using ServerlessSync.Pipeline.Tests.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class KingdeeContractSubject(KingdeeConnectorHarness h)
    : ErpContractSubject<KingdeeSimulatorState, KingdeeSimulatorOptions>(h), IErpCredentialSubject, IErpDeletingSubject
{
    public override IReadOnlyList<string> Duplicates => Sim.Duplicates;

    public override long CreateCalls => Calls("Save") + Calls("BatchSave");

    public override long LookupCalls => Calls("ExecuteBillQuery");

    public override long StockCalls => Calls("ExecuteBillQuery");

    public override string WrongSecretMessage => "login";

    public override string RefusalCode => "";

    public override string ThrottleCode => "14";

    public override int StockMaterialsPerCall => 2;

    public long CredentialCalls => Calls("LoginBySign");

    public long CredentialRejections => Sim.Metrics.Snapshot().SessionRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new KingdeeContractSubject(await KingdeeConnectorHarness.StartAsync(settings: s =>
        {
            s["Erp:Kingdee:StockQueryBatchSize"] = "2";
            settings(s);
        }));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        Sim.Bills.Where(b => b.NetOrderBillNo == externalOrderNo).Select(b => b.BillNo).ToList();

    public override string OpenState => "C";

    public override string StateOf(string number) => Sim.Bills.Single(b => b.BillNo == number).Status;

    public override bool IsComplete(string number) => StateOf(number) == "C";

    public override bool IsReversed(string number) => Sim.DeletedBills.Any(b => b.BillNo == number);

    public long DeleteCalls => Calls("Delete");

    public int DeletedDocuments => Sim.DeletedBills.Count;

    public void DropCredentials() => Sim.DropSessions();
}

using ServerlessSync.Pipeline.Tests.Erp.Sap;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class SapContractSubject(SapConnectorHarness h)
    : ErpContractSubject<SapSimulatorState, SapSimulatorOptions>(h), IErpCredentialSubject
{
    public override IReadOnlyList<string> Duplicates => Sim.Duplicates;

    public override long CreateCalls => Calls("POST A_SalesOrder");

    public override long LookupCalls => Calls("GET A_SalesOrder");

    public override long StockCalls => Calls("GET A_MatlStkInAcctMod");

    public override string WrongSecretMessage => "401";

    public override string RefusalCode => "V1/392";

    public override string ThrottleCode => "429";

    public override int StockMaterialsPerCall => 2;

    public long CredentialCalls => Calls("GET service root");

    public long CredentialRejections => Sim.Metrics.Snapshot().CsrfRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new SapContractSubject(await SapConnectorHarness.StartAsync(settings: s =>
        {
            s["Erp:Sap:StockQueryBatchSize"] = "2";
            settings(s);
        }));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        Sim.Orders.Where(o => o.PurchaseOrderByCustomer == externalOrderNo).Select(o => o.SalesOrder).ToList();

    public override string OpenState => "A";

    /// <summary>SAP keeps a reversed order, every item rejected (overall rejection status C).</summary>
    public override string StateOf(string number) => Sim.Orders.Single(o => o.SalesOrder == number).OverallSDDocumentRejectionSts;

    public override bool IsComplete(string number) => Sim.Orders.Any(o => o.SalesOrder == number);

    public override bool IsReversed(string number) => Sim.Orders.Any(o => o.SalesOrder == number && o.OverallSDDocumentRejectionSts == "C");

    public void DropCredentials() => Sim.DropSessions();
}

using ServerlessSync.Pipeline.Tests.Erp.Sap;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class SapContractSubject(SapConnectorHarness h) : ErpContractSubject, IErpCredentialSubject
{
    public override IErpConnector Connector => h.Connector;

    public override IReadOnlyList<string> Duplicates => h.Sim.Duplicates;

    public override long CreateCalls => h.Calls("POST A_SalesOrder");

    public override long LookupCalls => h.Calls("GET A_SalesOrder");

    public override long StockCalls => h.Calls("GET A_MatlStkInAcctMod");

    public override long Throttled => h.Sim.Metrics.Snapshot().Throttled;

    public override long TransientFailures => h.Sim.Metrics.Snapshot().TransientFailures;

    public override string WrongSecretMessage => "401";

    public override string RefusalCode => "V1/392";

    public override string ThrottleCode => "429";

    public override int StockMaterialsPerCall => 2;

    public long CredentialCalls => h.Calls("GET service root");

    public long CredentialRejections => h.Sim.Metrics.Snapshot().CsrfRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new SapContractSubject(await SapConnectorHarness.StartAsync(settings: s =>
        {
            s["Erp:Sap:StockQueryBatchSize"] = "2";
            settings(s);
        }));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        h.Sim.Orders.Where(o => o.PurchaseOrderByCustomer == externalOrderNo).Select(o => o.SalesOrder).ToList();

    /// <summary>SAP keeps a reversed order, every item rejected (overall rejection status C).</summary>
    public override string StateOf(string number) => h.Sim.Orders.Single(o => o.SalesOrder == number).OverallSDDocumentRejectionSts;

    public override bool IsComplete(string number) => h.Sim.Orders.Any(o => o.SalesOrder == number);

    public override bool IsReversed(string number) => h.Sim.Orders.Any(o => o.SalesOrder == number && o.OverallSDDocumentRejectionSts == "C");

    public override void FailEveryCall(bool on) => h.Sim.Options.TransientFailureRate = on ? 1 : 0;

    public override void LoseAnswersAfterCommit(bool on) => h.Sim.Options.CommitThenTimeoutRate = on ? 1 : 0;

    public override void IgnoreLookupFilter() => h.Sim.Options.OrderLookupIgnoresFilter = true;

    public override void AllowCallsPerSecond(double rate) => h.Sim.Options.MaxCallsPerSecond = rate;

    public void DropCredentials() => h.Sim.DropSessions();

    public override ValueTask DisposeAsync() => h.DisposeAsync();
}

using ServerlessSync.Pipeline.Tests.Erp.YonBip;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class YonBipContractSubject(YonBipConnectorHarness h)
    : ErpContractSubject<YonBipSimulatorState, YonBipSimulatorOptions>(h), IErpCredentialSubject, IErpDeletingSubject
{
    public override IReadOnlyList<string> Duplicates => Sim.Duplicates;

    public override long CreateCalls => Calls("singleSave");

    public override long LookupCalls => Calls("list");

    public override long StockCalls => Calls("QueryCurrentStocksByCondition");

    public override string WrongSecretMessage => "token refused";

    public override string RefusalCode => "999";

    public override string ThrottleCode => "310046";

    /// <summary>QueryCurrentStocksByCondition takes one product a call.</summary>
    public override int StockMaterialsPerCall => 1;

    public long CredentialCalls => Calls("getAccessToken");

    public long CredentialRejections => Sim.Metrics.Snapshot().SessionRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new YonBipContractSubject(await YonBipConnectorHarness.StartAsync(settings: settings));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        Sim.Orders.Where(o => o.ExternalOrderNo == externalOrderNo).Select(o => o.Code).ToList();

    public override string OpenState => "2";

    public override string StateOf(string number) => Sim.Orders.Single(o => o.Code == number).VerifyState.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override bool IsComplete(string number) => StateOf(number) == "2";

    public override bool IsReversed(string number) => Sim.DeletedOrders.Any(o => o.Code == number);

    public long DeleteCalls => Calls("delete");

    public int DeletedDocuments => Sim.DeletedOrders.Count;

    public void DropCredentials() => Sim.DropTokens();
}

using ServerlessSync.Pipeline.Tests.Erp.YonBip;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class YonBipContractSubject(YonBipConnectorHarness h) : ErpContractSubject, IErpCredentialSubject
{
    public override IErpConnector Connector => h.Connector;

    public override IReadOnlyList<string> Duplicates => h.Sim.Duplicates;

    public override long CreateCalls => h.Calls("singleSave");

    public override long LookupCalls => h.Calls("list");

    public override long StockCalls => h.Calls("QueryCurrentStocksByCondition");

    public override long Throttled => h.Sim.Metrics.Snapshot().Throttled;

    public override long TransientFailures => h.Sim.Metrics.Snapshot().TransientFailures;

    public override string WrongSecretMessage => "token refused";

    public override string RefusalCode => "999";

    public override string ThrottleCode => "310046";

    /// <summary>QueryCurrentStocksByCondition takes one product a call.</summary>
    public override int StockMaterialsPerCall => 1;

    public long CredentialCalls => h.Calls("getAccessToken");

    public long CredentialRejections => h.Sim.Metrics.Snapshot().SessionRejections;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new YonBipContractSubject(await YonBipConnectorHarness.StartAsync(settings: settings));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        h.Sim.Orders.Where(o => o.ExternalOrderNo == externalOrderNo).Select(o => o.Code).ToList();

    public override string StateOf(string number) => h.Sim.Orders.Single(o => o.Code == number).VerifyState.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override bool IsComplete(string number) => StateOf(number) == "2";

    public override bool IsReversed(string number) => h.Sim.DeletedOrders.Any(o => o.Code == number);

    public override void FailEveryCall(bool on) => h.Sim.Options.TransientFailureRate = on ? 1 : 0;

    public override void LoseAnswersAfterCommit(bool on) => h.Sim.Options.CommitThenTimeoutRate = on ? 1 : 0;

    public override void IgnoreLookupFilter() => h.Sim.Options.OrderLookupIgnoresFilter = true;

    public override void AllowCallsPerSecond(double rate) => h.Sim.Options.MaxCallsPerSecond = rate;

    public void DropCredentials() => h.Sim.DropTokens();

    public override ValueTask DisposeAsync() => h.DisposeAsync();
}

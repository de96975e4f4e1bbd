using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

/// <summary>
/// One ERP connector running against its simulator, seen only through what every connector must show: its documents,
/// its call counts by kind of call, and the faults its simulator can be told to make. One small subclass per ERP.
/// </summary>
internal abstract class ErpContractSubject : IAsyncDisposable
{
    public abstract IErpConnector Connector { get; }

    /// <summary>The ERP numbers of the documents the simulator holds for a platform order.</summary>
    public abstract IReadOnlyList<string> DocumentsFor(string externalOrderNo);

    /// <summary>Platform orders the simulator holds more than one document for.</summary>
    public abstract IReadOnlyList<string> Duplicates { get; }

    /// <summary>The document's status as the ERP keeps it (K/3 FDocumentStatus, SAP rejection status, YonBIP verifystate, Jushuitan shop status).</summary>
    public abstract string StateOf(string number);

    /// <summary>The state <see cref="StateOf"/> gives a document the connector created and nobody reversed.</summary>
    public abstract string OpenState { get; }

    /// <summary>True when the document went all the way the connector takes a new order (audited where the ERP audits).</summary>
    public abstract bool IsComplete(string number);

    /// <summary>True once the document has been reversed (deleted, rejected or closed, as the ERP does it).</summary>
    public abstract bool IsReversed(string number);

    /// <summary>Calls of the ERP's create API (Save or BatchSave, POST A_SalesOrder, singleSave, orders/upload).</summary>
    public abstract long CreateCalls { get; }

    /// <summary>Calls of the ERP's order look-up API.</summary>
    public abstract long LookupCalls { get; }

    public abstract long StockCalls { get; }

    /// <summary>Every call the simulator answered, of any kind.</summary>
    public abstract long TotalCalls { get; }

    public abstract long Throttled { get; }

    public abstract long TransientFailures { get; }

    /// <summary>What the connector's error says when the ERP refuses a wrong secret (AppSecret, SAP's Password).</summary>
    public abstract string WrongSecretMessage { get; }

    /// <summary>What the ERP's refusal of an unknown material says besides the material (its error code), or "".</summary>
    public abstract string RefusalCode { get; }

    /// <summary>The code of the ERP's throttling answer (MsgCode 14, HTTP 429, 310046, Jushuitan's frequency code).</summary>
    public abstract string ThrottleCode { get; }

    /// <summary>The most materials one stock call may carry, as configured for the test (within the documented limit).</summary>
    public abstract int StockMaterialsPerCall { get; }

    public abstract void FailEveryCall(bool on);

    public abstract void LoseAnswersAfterCommit(bool on);

    public abstract void IgnoreLookupFilter();

    public abstract void AllowCallsPerSecond(double rate);

    public abstract ValueTask DisposeAsync();
}

/// <summary>What every ERP's subject shows the same way: the connector, the simulator's fault counters and knobs.</summary>
internal abstract class ErpContractSubject<TState, TOptions>(ErpConnectorHarness<TState, TOptions> harness) : ErpContractSubject
    where TState : SimErpState<TOptions>
    where TOptions : SimErpOptions
{
    public override IErpConnector Connector => harness.Connector;

    public override long TotalCalls => Sim.Metrics.Snapshot().TotalCalls;

    public override long Throttled => Sim.Metrics.Snapshot().Throttled;

    public override long TransientFailures => Sim.Metrics.Snapshot().TransientFailures;

    public override void FailEveryCall(bool on) => Sim.Options.TransientFailureRate = on ? 1 : 0;

    public override void LoseAnswersAfterCommit(bool on) => Sim.Options.CommitThenTimeoutRate = on ? 1 : 0;

    public override void IgnoreLookupFilter() => Sim.Options.OrderLookupIgnoresFilter = true;

    public override void AllowCallsPerSecond(double rate) => Sim.Options.MaxCallsPerSecond = rate;

    public override ValueTask DisposeAsync() => harness.DisposeAsync();

    protected TState Sim => harness.Sim;

    protected long Calls(string call) => harness.Calls(call);
}

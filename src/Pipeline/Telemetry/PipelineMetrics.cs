using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>
/// The pipeline's custom metrics on <see cref="System.Diagnostics.Metrics"/> (meter <c>ServerlessSync</c>). Order
/// counters carry platform, shop and the configured ERP kind; none carries an order id or buyer data (high cardinality
/// and PII stay in logs keyed by the instance id). Call each method once per fact, from an activity or the starter,
/// never from orchestrator code (it replays). Where each call belongs is listed in docs/telemetry.md.
/// </summary>
public sealed class PipelineMetrics
{
    private readonly string erp;
    private readonly Counter<long> received;
    private readonly Counter<long> synced;
    private readonly Counter<long> quarantined;
    private readonly Counter<long> pendingStock;
    private readonly Counter<long> failed;
    private readonly Histogram<double> pendingStockAge;
    private readonly Histogram<double> queueLag;
    private readonly Histogram<double> intakeBacklogAge;
    private readonly Histogram<long> intakePoisonDepth;
    private readonly Histogram<double> erpCallDuration;
    private readonly Counter<long> erpThrottled;

    public PipelineMetrics(IMeterFactory meterFactory, string erpKind)
    {
        Meter = meterFactory.Create(MetricNames.Meter);
        erp = erpKind;
        received = Meter.CreateCounter<long>(MetricNames.OrdersReceived, "{order}", "Order events accepted at intake (push or pull), duplicates excluded.");
        synced = Meter.CreateCounter<long>(MetricNames.OrdersSynced, "{order}", "Orders written to the ERP (created or found already there).");
        quarantined = Meter.CreateCounter<long>(MetricNames.OrdersQuarantined, "{order}", "Orders held for a person by mapping or rules.");
        pendingStock = Meter.CreateCounter<long>(MetricNames.OrdersPendingStock, "{order}", "Orders that started waiting for ERP stock.");
        failed = Meter.CreateCounter<long>(MetricNames.OrdersFailed, "{order}", "Orders the ERP rejected or that ran out of retries.");
        pendingStockAge = Meter.CreateHistogram<double>(MetricNames.PendingStockAge, "s", "How long an order has waited for stock, at each re-check.");
        queueLag = Meter.CreateHistogram<double>(MetricNames.QueueLag, "s", "Intake accepted → SyncOrder started.");
        intakeBacklogAge = Meter.CreateHistogram<double>(MetricNames.IntakeBacklogAge, "s", "Age of the oldest visible intake message, sampled every minute.");
        intakePoisonDepth = Meter.CreateHistogram<long>(MetricNames.IntakePoisonDepth, "{message}", "Messages in the intake poison queue, sampled every minute.");
        erpCallDuration = Meter.CreateHistogram<double>(MetricNames.ErpCallDuration, "ms", "One HTTP call to the ERP, governor wait excluded.");
        erpThrottled = Meter.CreateCounter<long>(MetricNames.ErpThrottled, "{call}", "ERP calls slowed down or refused for pace: ERP throttling answers and governor waits that ran out.");
    }

    /// <summary>The meter behind the instruments; exporters listen to exactly this instance.</summary>
    public Meter Meter { get; }

    /// <summary>The ERP kind (<c>Erp:Kind</c>) every order measurement is tagged with.</summary>
    public string Erp => erp;

    /// <summary>The intake consumer (IntakeMessageHandler), when an event is new to the Inbox, pushed or pulled.</summary>
    public void OrderReceived(string platform, string shopId) => received.Add(1, OrderTags(platform, shopId));

    /// <summary>WriteBackActivity, when it records <c>Synced</c> with an ERP number.</summary>
    public void OrderSynced(string platform, string shopId) => synced.Add(1, OrderTags(platform, shopId));

    /// <summary>WriteBackActivity, when it records <c>Quarantined</c>.</summary>
    public void OrderQuarantined(string platform, string shopId) => quarantined.Add(1, OrderTags(platform, shopId));

    /// <summary>WriteBackActivity, when an order first enters <c>PendingStock</c>.</summary>
    public void OrderPendingStock(string platform, string shopId) => pendingStock.Add(1, OrderTags(platform, shopId));

    /// <summary>CheckStockActivity, at each re-check that still finds stock short: how long the order has waited so far.</summary>
    public void PendingStockWaited(string platform, string shopId, TimeSpan waited) =>
        pendingStockAge.Record(Math.Max(0, waited.TotalSeconds), OrderTags(platform, shopId));

    /// <summary>WriteBackActivity, when it records <c>Failed</c> (rejected, or retries exhausted).</summary>
    public void OrderFailed(string platform, string shopId) => failed.Add(1, OrderTags(platform, shopId));

    /// <summary>
    /// WriteBackActivity, after the ledger update: counts an order once when its ledger status changes into Synced,
    /// Quarantined, PendingStock or Failed. A repeated write of the same status (an activity retry, the pending-stock
    /// deadline note) counts nothing. Returns whether a counter moved.
    /// </summary>
    public bool StatusChanged(OrderKey key, SyncStatus? previous, SyncStatus current)
    {
        if (previous == current)
        {
            return false;
        }

        switch (current)
        {
            case SyncStatus.Synced:
                OrderSynced(key.Platform, key.ShopId);
                return true;
            case SyncStatus.Quarantined:
                OrderQuarantined(key.Platform, key.ShopId);
                return true;
            case SyncStatus.PendingStock:
                OrderPendingStock(key.Platform, key.ShopId);
                return true;
            case SyncStatus.Failed:
                OrderFailed(key.Platform, key.ShopId);
                return true;
            default:
                return false;
        }
    }

    /// <summary>OrderEventStarter, when it starts a SyncOrder run: now minus the intake message's AcceptedAt.</summary>
    public void QueueLagObserved(string platform, TimeSpan lag) =>
        queueLag.Record(Math.Max(0, lag.TotalSeconds), new TagList { { MetricNames.PlatformTag, platform }, { MetricNames.ErpTag, erp } });

    /// <summary>
    /// The queue sampler (Functions: the IntakeQueueMetrics timer), once a minute: how old the intake backlog is and how
    /// many messages wait in the poison queue. The alerts read these metrics, which are never sampled away.
    /// </summary>
    public void IntakeQueueSampled(QueueLag lag)
    {
        var tags = new TagList { { MetricNames.QueueTag, lag.Name } };
        intakeBacklogAge.Record(lag.OldestAgeSeconds ?? 0, tags);
        intakePoisonDepth.Record(lag.PoisonDepth, tags);
    }

    /// <summary>
    /// The ERP's HTTP handler chain (e.g. ErpGovernorHandler, after the governor granted the slot), once per HTTP call.
    /// <paramref name="operation"/> is a fixed word such as "login", "query", "save", never a URL with query values.
    /// </summary>
    public void ErpCallCompleted(string operation, TimeSpan duration, bool success) =>
        erpCallDuration.Record(duration.TotalMilliseconds, new TagList
        {
            { MetricNames.ErpTag, erp },
            { MetricNames.OperationTag, operation },
            { MetricNames.OutcomeTag, success ? "success" : "failure" },
        });

    /// <summary>
    /// The ERP connector when the ERP answers with a throttling code (reason "erp"), and the governor when a caller's
    /// wait for its turn runs out (reason "governor") or the circuit is open (reason "circuit").
    /// </summary>
    public void ErpThrottledCall(string reason) =>
        erpThrottled.Add(1, new TagList { { MetricNames.ErpTag, erp }, { MetricNames.ReasonTag, reason } });

    private TagList OrderTags(string platform, string shopId) => new()
    {
        { MetricNames.PlatformTag, platform },
        { MetricNames.ShopTag, shopId },
        { MetricNames.ErpTag, erp },
    };
}

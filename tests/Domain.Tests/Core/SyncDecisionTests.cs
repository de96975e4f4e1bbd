namespace ServerlessSync.Domain.Tests.Core;

public class SyncDecisionTests
{
    public static TheoryData<OrderStatus, bool, SyncStatus?> AllCases()
    {
        var data = new TheoryData<OrderStatus, bool, SyncStatus?>();
        SyncStatus?[] ledgerStatuses = [null, .. Enum.GetValues<SyncStatus>().Cast<SyncStatus?>()];
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var inErp in new[] { false, true })
            {
                foreach (var ledger in ledgerStatuses)
                {
                    data.Add(status, inErp, ledger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Decide_covers_every_status_erp_presence_and_ledger_status(OrderStatus platform, bool inErp, SyncStatus? ledger)
    {
        var expected = platform switch
        {
            OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed => inErp ? SyncAction.Nothing : SyncAction.CreateErpOrder,
            OrderStatus.PendingPayment => SyncAction.WaitForPayment,
            _ when inErp => ledger == SyncStatus.Reversed ? SyncAction.Nothing : SyncAction.ReverseErpOrder,
            _ when ledger == SyncStatus.CancelledBeforeErp => SyncAction.Nothing,
            _ when ledger is null or SyncStatus.AwaitingPayment => SyncAction.RecordCancelledBeforeErp,
            _ => SyncAction.ReverseErpOrder,
        };

        Assert.Equal(expected, SyncDecision.Decide(platform, inErp ? "SO-0001" : null, ledger));
    }

    [Theory]
    [InlineData(SyncStatus.Failed)]
    [InlineData(SyncStatus.Received)]
    [InlineData(SyncStatus.PendingStock)]
    [InlineData(SyncStatus.OnHold)]
    public void A_cancel_of_an_order_that_may_have_been_written_without_a_recorded_number_looks_it_up_in_the_erp(SyncStatus ledger)
    {
        Assert.Equal(SyncAction.ReverseErpOrder, SyncDecision.Decide(OrderStatus.Cancelled, null, ledger));
        Assert.Equal(SyncAction.ReverseErpOrder, SyncDecision.Decide(OrderStatus.Refunded, "", ledger));
        Assert.Equal(SyncAction.RecordCancelledBeforeErp, SyncDecision.Decide(OrderStatus.Cancelled, null, null));
        Assert.Equal(SyncAction.RecordCancelledBeforeErp, SyncDecision.Decide(OrderStatus.Cancelled, null, SyncStatus.AwaitingPayment));
    }

    [Fact]
    public void An_empty_erp_number_counts_as_not_in_the_erp()
    {
        Assert.Equal(SyncAction.CreateErpOrder, SyncDecision.Decide(OrderStatus.Paid, "", SyncStatus.Failed));
        Assert.Equal(SyncAction.RecordCancelledBeforeErp, SyncDecision.Decide(OrderStatus.Cancelled, "", SyncStatus.AwaitingPayment));
    }

    /// <summary>
    /// Drives the decision the way SyncOrder does: every event (duplicated, late, out of order) makes a run that
    /// reads the order's current platform state and the ledger, and does what is missing.
    /// </summary>
    [Fact]
    public void Duplicate_and_out_of_order_events_create_one_erp_order_and_reverse_it_once()
    {
        var ledger = new SimulatedLedger();
        var platform = OrderStatus.PendingPayment;

        ledger.Run(platform);                 // "created" push
        platform = OrderStatus.Paid;
        ledger.Run(platform);                 // "paid" push
        ledger.Run(platform);                 // same push delivered again
        ledger.Run(platform);                 // the late "created" push: the run still sees Paid
        platform = OrderStatus.Shipped;
        ledger.Run(platform);
        platform = OrderStatus.Refunded;
        ledger.Run(platform);                 // refund
        ledger.Run(platform);                 // the late "paid" push: the run sees Refunded
        ledger.Run(platform);                 // refund push repeated

        Assert.Equal(1, ledger.Creates);
        Assert.Equal(1, ledger.Reversals);
        Assert.Equal(SyncStatus.Reversed, ledger.Status);
    }

    [Fact]
    public void An_order_cancelled_before_payment_never_reaches_the_erp_however_often_it_is_pushed()
    {
        var ledger = new SimulatedLedger();
        ledger.Run(OrderStatus.PendingPayment);
        ledger.Run(OrderStatus.Cancelled);
        ledger.Run(OrderStatus.Cancelled);
        ledger.Run(OrderStatus.Cancelled);

        Assert.Equal(0, ledger.Creates);
        Assert.Equal(0, ledger.Reversals);
        Assert.Equal(1, ledger.CancelledRecords);
        Assert.Equal(SyncStatus.CancelledBeforeErp, ledger.Status);
    }

    private sealed class SimulatedLedger
    {
        public SyncStatus? Status { get; private set; }

        public string? ErpNumber { get; private set; }

        public int Creates { get; private set; }

        public int Reversals { get; private set; }

        public int CancelledRecords { get; private set; }

        public void Run(OrderStatus current)
        {
            switch (SyncDecision.Decide(current, ErpNumber, Status))
            {
                case SyncAction.CreateErpOrder:
                    Creates++;
                    ErpNumber = $"SO-{Creates}";
                    Status = SyncStatus.Synced;
                    break;
                case SyncAction.ReverseErpOrder:
                    Reversals++;
                    Status = SyncStatus.Reversed;
                    break;
                case SyncAction.RecordCancelledBeforeErp:
                    CancelledRecords++;
                    Status = SyncStatus.CancelledBeforeErp;
                    break;
                case SyncAction.WaitForPayment:
                    Status = SyncStatus.AwaitingPayment;
                    break;
            }
        }
    }
}

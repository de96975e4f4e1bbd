namespace ServerlessSync.Domain.Tests.Core;

public class LedgerEntryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Fresh() => new() { Key = new OrderKey("douyin", "s1", "o1"), Status = SyncStatus.Received, UpdatedAt = T0 };

    [Fact]
    public void With_records_the_step_and_keeps_the_erp_number_once_known()
    {
        var synced = Fresh().With(SyncStatus.Synced, "created", T0.AddSeconds(1), erpOrderNumber: "XSDD001");
        var cancelled = synced.With(SyncStatus.CancelledAfterErp, "refunded", T0.AddSeconds(2), reason: "refund");

        Assert.Equal(SyncStatus.CancelledAfterErp, cancelled.Status);
        Assert.Equal("XSDD001", cancelled.ErpOrderNumber);
        Assert.Equal("refund", cancelled.Reason);
        Assert.Equal(T0.AddSeconds(2), cancelled.UpdatedAt);
        Assert.Equal(
            [new LedgerHistoryItem(T0.AddSeconds(1), SyncStatus.Synced, "created"), new LedgerHistoryItem(T0.AddSeconds(2), SyncStatus.CancelledAfterErp, "refunded")],
            cancelled.History);
        Assert.Single(synced.History); // records are immutable: the earlier entry is unchanged
    }

    [Fact]
    public void History_is_bounded_at_MaxHistory_keeping_the_newest_steps_in_order()
    {
        var entry = Fresh();
        for (var i = 0; i < LedgerEntry.MaxHistory + 25; i++)
        {
            entry = entry.With(SyncStatus.PendingStock, $"check {i}", T0.AddSeconds(i));
        }

        Assert.Equal(LedgerEntry.MaxHistory, entry.History.Count);
        Assert.Equal("check 25", entry.History[0].Note);
        Assert.Equal($"check {LedgerEntry.MaxHistory + 24}", entry.History[^1].Note);
        Assert.True(entry.History.Zip(entry.History.Skip(1)).All(p => p.First.At < p.Second.At));
    }
}

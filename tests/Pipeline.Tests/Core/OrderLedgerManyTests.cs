namespace ServerlessSync.Pipeline.Tests.Core;

public sealed class OrderLedgerManyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Received(OrderKey key) => new() { Key = key, Status = SyncStatus.Received, UpdatedAt = T0 };

    private static Func<LedgerEntry?, LedgerEntry> Synced(OrderKey key, string erpNumber) =>
        current => (current ?? Received(key)).With(SyncStatus.Synced, "created " + erpNumber, T0.AddMinutes(1), erpOrderNumber: erpNumber);

    [Fact]
    public async Task New_and_existing_rows_of_several_shops_are_written_and_returned_in_the_callers_order()
    {
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        var keys = Enumerable.Range(0, 130).Select(i => new OrderKey("douyin", i % 3 == 0 ? "shop-b" : "shop-a", $"69{i:D6}")).ToList();
        foreach (var key in keys.Where((_, i) => i % 2 == 0))
        {
            await ledger.UpdateAsync(key, _ => Received(key).With(SyncStatus.PendingStock, "waiting", T0), default);
        }

        var written = await ledger.UpdateManyAsync(keys.Select((key, i) => (key, Synced(key, $"XSDD{i:D4}"))).ToList(), default);

        Assert.Equal(keys, written.Select(e => e.Key));
        for (var i = 0; i < keys.Count; i++)
        {
            var stored = await ledger.GetAsync(keys[i], default);
            Assert.Equal((SyncStatus.Synced, $"XSDD{i:D4}"), (stored!.Status, stored.ErpOrderNumber));
            Assert.Equal(i % 2 == 0 ? 2 : 1, stored.History.Count); // (pending stock +) synced
        }
    }

    [Fact]
    public async Task A_row_another_writer_changed_after_the_read_is_redone_on_top_of_that_change_and_a_repeated_key_applies_twice()
    {
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        var raced = new OrderKey("douyin", "shop-c", "69000001");
        var calm = new OrderKey("douyin", "shop-c", "69000002");
        var twice = new OrderKey("douyin", "shop-c", "69000003");
        await ledger.UpdateAsync(raced, _ => Received(raced), default);
        var interfered = false;

        var written = await ledger.UpdateManyAsync(
            [
                (raced, current =>
                {
                    if (!interfered)
                    {
                        // Another process writes the row between this call's read and its transaction.
                        interfered = true;
                        ledger.UpdateAsync(raced, c => c!.With(SyncStatus.CancelledBeforeErp, "cancelled meanwhile", T0.AddSeconds(30)), default).GetAwaiter().GetResult();
                    }

                    return current!.With(SyncStatus.Failed, "write-back", T0.AddMinutes(1), reason: current.Status.ToString());
                }),
                (calm, Synced(calm, "XSDD0002")),
                (twice, Synced(twice, "XSDD0003")),
                (twice, current => current!.With(SyncStatus.Synced, "seen again", T0.AddMinutes(2))),
            ],
            default);

        var stored = await ledger.GetAsync(raced, default);
        Assert.Equal((SyncStatus.Failed, "CancelledBeforeErp"), (stored!.Status, stored.Reason));
        Assert.Equal(stored.Status, written[0].Status);
        Assert.Equal("XSDD0002", (await ledger.GetAsync(calm, default))!.ErpOrderNumber);
        Assert.Equal(["created XSDD0003", "seen again"], (await ledger.GetAsync(twice, default))!.History.Select(h => h.Note));
    }

    [Fact]
    public async Task A_row_another_process_created_after_this_one_read_it_as_absent_is_changed_not_overwritten()
    {
        var storage = await CoreStorage.CreateAsync();
        var (thisProcess, otherProcess) = (new OrderLedger(storage), new OrderLedger(storage));
        var key = new OrderKey("douyin", "shop-d", "69000009");
        Assert.Null(await thisProcess.GetAsync(key, default)); // remembered as absent: the batch write inserts without reading

        await otherProcess.UpdateAsync(key, _ => Received(key).With(SyncStatus.OnHold, "held by a rule", T0), default);
        var written = await thisProcess.UpdateManyAsync([(key, Synced(key, "XSDD0009"))], default);

        var stored = await thisProcess.GetAsync(key, default);
        Assert.Equal(["held by a rule", "created XSDD0009"], stored!.History.Select(h => h.Note));
        Assert.Equal(stored.History, written[0].History);
    }
}

namespace ServerlessSync.Pipeline.Tests.Intake;

public class InboxStoreTests
{
    private static readonly DateTimeOffset Accepted = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    private static InboxEntry Entry(string msgId, string @event, int index) =>
        new(new IntakeMessage("douyin", "shop-1", "6920000000000000001", @event, Accepted, msgId, Accepted), index, $"{{\"msg_id\":\"{msgId}\"}}");

    [Fact]
    public async Task An_orders_events_are_recorded_together_and_a_push_seen_before_is_told_apart_from_the_new_one()
    {
        var storage = await CoreStorage.CreateAsync();
        var inbox = IntakeTestKit.Inbox(storage);

        var first = await inbox.RecordOrderAsync([Entry("m-created", "created", 0), Entry("m-paid", "paid", 1)], "batch-1", CancellationToken.None);
        var retried = await inbox.RecordOrderAsync([Entry("m-created", "created", 0), Entry("m-paid", "paid", 1)], "batch-1", CancellationToken.None);
        var pushedAgain = await inbox.RecordOrderAsync([Entry("m-paid", "paid", 0), Entry("m-shipped", "shipped", 1)], "batch-2", CancellationToken.None);

        Assert.Equal([InboxRecord.New, InboxRecord.New], first);
        Assert.Equal([InboxRecord.RecordedByThisBatch, InboxRecord.RecordedByThisBatch], retried);
        Assert.Equal([InboxRecord.Duplicate, InboxRecord.New], pushedAgain);
        Assert.Equal(3, await inbox.CountAsync("douyin", "shop-1", "6920000000000000001", CancellationToken.None));
        Assert.Equal("{\"msg_id\":\"m-shipped\"}", await inbox.GetRawMessageAsync("douyin", "shop-1", "6920000000000000001", "m-shipped", CancellationToken.None));
    }
}

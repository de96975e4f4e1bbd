using static ServerlessSync.Pipeline.Tests.Erp.Batching.ErpWriteBatcherTests;

namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

/// <summary>A create the ERP may still commit is not sent again before the commit horizon (issue 14, item 1).</summary>
public sealed class ErpCommitHorizonTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_unanswered_create_is_not_sent_again_before_the_horizon_and_the_late_commit_is_found_after_it()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time, windowMs: 0);
        erp.FailNextCreateBeforeCommit(() => new ErpTransientException("Kingdee BatchSave timed out.", new TimeoutException()));

        var first = await batcher.WriteAsync(Order("A"), CancellationToken.None);
        time.Advance(Horizon / 2);
        var early = await batcher.WriteAsync(Order("A"), CancellationToken.None);
        erp.AddHalfDone("A");
        time.Advance(Horizon);
        var late = await batcher.WriteAsync(Order("A"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Transient, first.Result);
        Assert.Equal(ErpWriteResult.Transient, early.Result);
        Assert.Contains("may still commit", early.Reason, StringComparison.Ordinal);
        Assert.Equal(ErpWriteResult.AlreadyExists, late.Result);
        Assert.Single(erp.Creates);
    }

    [Fact]
    public async Task An_unanswered_create_with_no_late_commit_is_created_again_once_a_look_up_after_the_horizon_finds_nothing()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time, windowMs: 0);
        erp.FailNextCreateBeforeCommit(() => new ErpTransientException("Kingdee BatchSave timed out.", new TimeoutException()));

        await batcher.WriteAsync(Order("A"), CancellationToken.None);
        time.Advance(Horizon + TimeSpan.FromSeconds(1));
        var retried = await batcher.WriteAsync(Order("A"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, retried.Result);
        Assert.Equal(2, erp.Creates.Count);
    }

    [Fact]
    public async Task A_create_the_erp_answered_with_an_error_is_retried_at_once()
    {
        var erp = new InMemoryErp(maxBatchSize: 50);
        using var batcher = Batcher(erp, new ManualTimeProvider(), windowMs: 0);
        erp.FailNextCreateBeforeCommit(() => new ErpTransientException("Kingdee BatchSave answered HTTP 500."));

        var first = await batcher.WriteAsync(Order("A"), CancellationToken.None);
        var retried = await batcher.WriteAsync(Order("A"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Transient, first.Result);
        Assert.Equal(ErpWriteResult.Created, retried.Result);
    }

    [Fact]
    public async Task An_erp_that_enforces_a_key_per_platform_order_is_asked_again_at_once()
    {
        var erp = new InMemoryErp(maxBatchSize: 50) { CreateIsIdempotent = true };
        using var batcher = Batcher(erp, new ManualTimeProvider(), windowMs: 0);
        erp.FailNextCreateBeforeCommit(() => new ErpTransientException("YonBIP singleSave timed out.", new TimeoutException()));

        await batcher.WriteAsync(Order("A"), CancellationToken.None);
        var retried = await batcher.WriteAsync(Order("A"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, retried.Result);
    }

    [Fact]
    public void A_look_up_is_conclusive_only_when_it_started_after_the_horizon_of_an_unanswered_create()
    {
        var sent = DateTimeOffset.UnixEpoch;

        Assert.Equal(sent + Horizon, ErpCommitHorizon.InconclusiveUntil(new ErpCreateMarker(sent, Answered: false), sent + Horizon / 2, Horizon));
        Assert.Null(ErpCommitHorizon.InconclusiveUntil(new ErpCreateMarker(sent, Answered: false), sent + Horizon, Horizon));
        Assert.Null(ErpCommitHorizon.InconclusiveUntil(new ErpCreateMarker(sent, Answered: true), sent, Horizon));
        Assert.Null(ErpCommitHorizon.InconclusiveUntil(null, sent, Horizon));
    }
}

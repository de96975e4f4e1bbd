using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Tests.Sync;

public sealed class BatchOutcomesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 11, 20, 0, 0, TimeSpan.Zero);

    private static BatchOrder Order(int i)
    {
        var key = new OrderKey("douyin", "shop-1", $"o-{i}");
        var order = new Order { Key = key, Status = OrderStatus.Paid, PlatformStatus = "2", CreatedAt = T0, UpdatedAt = T0, PaidAmountFen = 100, Lines = [] };
        return new BatchOrder(new IntakeMessage("douyin", "shop-1", key.OrderId, "paid", T0, $"m-{i}", T0), OrderSummary.From(order), new SyncPlan { Action = SyncAction.CreateErpOrder });
    }

    private static BatchWriteOutcome Kind(BatchWriteKind kind) => kind switch
    {
        BatchWriteKind.InErp => new(kind, ErpWriteOutcome.Created("XSDD1"), null),
        BatchWriteKind.Rejected => new(kind, ErpWriteOutcome.Rejected("customer missing"), "customer missing"),
        _ => new(kind, null, kind.ToString()),
    };

    [Fact]
    public void One_refused_order_is_rejected_alone_and_the_others_are_settled()
    {
        var group = Enumerable.Range(1, 4).Select(Order).ToList();

        var settled = BatchOutcomes.Sort(group, [Kind(BatchWriteKind.InErp), Kind(BatchWriteKind.Rejected), Kind(BatchWriteKind.InErp), Kind(BatchWriteKind.StockShort)]);

        Assert.Equal([group[0], group[2]], settled.InErp.Select(s => s.Order));
        Assert.Equal("customer missing", Assert.Single(settled.Rejected).Outcome.Reason);
        Assert.Equal(group[1], settled.Rejected[0].Order);
        Assert.Equal([group[3]], settled.StockShort);
        Assert.Empty(BatchOutcomes.Next(new WriteGroup(group, 0), settled));
    }

    [Fact]
    public void Transient_orders_are_tried_again_together_and_unattributed_ones_in_two_halves()
    {
        var group = Enumerable.Range(1, 7).Select(Order).ToList();
        BatchWriteOutcome[] outcomes =
        [
            Kind(BatchWriteKind.Transient), Kind(BatchWriteKind.Unattributed), Kind(BatchWriteKind.Unattributed), Kind(BatchWriteKind.InErp),
            Kind(BatchWriteKind.Unattributed), Kind(BatchWriteKind.Unattributed), Kind(BatchWriteKind.Unattributed),
        ];

        var next = BatchOutcomes.Next(new WriteGroup(group, 1), BatchOutcomes.Sort(group, outcomes));

        Assert.Equal(3, next.Count);
        Assert.Equal([group[0]], next[0].Orders);
        Assert.Equal([group[1], group[2]], next[1].Orders);
        Assert.Equal([group[4], group[5], group[6]], next[2].Orders);
        // Smaller groups than the one tried keep its count: halving does not use up the company's tries.
        Assert.All(next, g => Assert.Equal(1, g.Tries));
        Assert.Equal([false, true, true], next.Select(g => g.Alone));
    }

    [Fact]
    public void A_group_that_comes_back_whole_counts_one_more_try()
    {
        var group = Enumerable.Range(1, 3).Select(Order).ToList();

        var next = BatchOutcomes.Next(new WriteGroup(group, 1), BatchOutcomes.Sort(group, group.Select(_ => Kind(BatchWriteKind.Transient)).ToList()));

        Assert.Equal(new WriteGroup(group, 2).Tries, Assert.Single(next).Tries);
        Assert.Equal(group, next[0].Orders);
    }

    [Fact]
    public void A_single_unattributed_order_is_tried_again_on_its_own_and_a_mismatched_answer_is_refused()
    {
        var group = new[] { Order(1) };

        var next = Assert.Single(BatchOutcomes.Next(new WriteGroup(group, 0), BatchOutcomes.Sort(group, [Kind(BatchWriteKind.Unattributed)])));
        Assert.Equal(group, next.Orders);
        Assert.Equal(1, next.Tries);
        Assert.Throws<ArgumentException>(() => BatchOutcomes.Sort(group, []));
    }
}

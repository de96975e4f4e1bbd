using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>What one ERP write of a group of batch orders settled, and what is to be tried again: the transient orders together, the unattributed ones in halves.</summary>
public sealed record SettledGroup(
    IReadOnlyList<(BatchOrder Order, ErpWriteOutcome Outcome)> InErp,
    IReadOnlyList<(BatchOrder Order, ErpWriteOutcome Outcome)> Rejected,
    IReadOnlyList<BatchOrder> StockShort,
    IReadOnlyList<BatchOrder> Transient,
    IReadOnlyList<IReadOnlyList<BatchOrder>> Halves);

/// <summary>Orders written together, how many times a group of exactly these orders has been tried, and whether they must go to the ERP alone (a half of a split).</summary>
public sealed record WriteGroup(IReadOnlyList<BatchOrder> Orders, int Tries, bool Alone = false);

/// <summary>Sorts a batch write's per-order outcomes (pure, so the batch run's decisions are replay-safe and testable alone).</summary>
public static class BatchOutcomes
{
    /// <summary>
    /// Transient orders are tried again together. Orders whose answer could not be attributed are split in two halves,
    /// each tried on its own, so one document that confuses the ERP's answer ends up alone instead of failing the rest.
    /// </summary>
    /// <exception cref="ArgumentException">The outcomes do not match the group one for one.</exception>
    public static SettledGroup Sort(IReadOnlyList<BatchOrder> group, IReadOnlyList<BatchWriteOutcome> outcomes)
    {
        if (group.Count != outcomes.Count)
        {
            throw new ArgumentException($"{outcomes.Count} outcomes for {group.Count} orders.", nameof(outcomes));
        }

        var inErp = new List<(BatchOrder, ErpWriteOutcome)>();
        var rejected = new List<(BatchOrder, ErpWriteOutcome)>();
        var stockShort = new List<BatchOrder>();
        var transient = new List<BatchOrder>();
        var unattributed = new List<BatchOrder>();
        foreach (var (order, outcome) in group.Zip(outcomes))
        {
            switch (outcome.Kind)
            {
                case BatchWriteKind.InErp when outcome.Erp is { } erp:
                    inErp.Add((order, erp));
                    break;
                case BatchWriteKind.Rejected:
                    rejected.Add((order, outcome.Erp ?? ErpWriteOutcome.Rejected(outcome.Reason ?? "refused")));
                    break;
                case BatchWriteKind.StockShort:
                    stockShort.Add(order);
                    break;
                case BatchWriteKind.Unattributed:
                    unattributed.Add(order);
                    break;
                default:
                    transient.Add(order);
                    break;
            }
        }

        var halves = new List<IReadOnlyList<BatchOrder>>();
        if (unattributed.Count > 1)
        {
            var half = unattributed.Count / 2;
            halves.Add(unattributed[..half]);
            halves.Add(unattributed[half..]);
        }
        else if (unattributed.Count == 1)
        {
            halves.Add(unattributed);
        }

        return new SettledGroup(inErp, rejected, stockShort, transient, halves);
    }

    /// <summary>
    /// The groups to try next. A group of exactly the same orders counts one more try; a smaller group (a half, or the
    /// orders left over when the others settled) starts from its parent's count, so halving down to the one odd document
    /// does not use up the tries of the orders that were only in its company. Halves go to the ERP alone.
    /// </summary>
    public static IReadOnlyList<WriteGroup> Next(WriteGroup tried, SettledGroup settled)
    {
        var next = new List<WriteGroup>();
        if (settled.Transient.Count > 0)
        {
            next.Add(new WriteGroup(settled.Transient, Tries(tried, settled.Transient), tried.Alone));
        }

        next.AddRange(settled.Halves.Select(half => new WriteGroup(half, Tries(tried, half), Alone: true)));
        return next;
    }

    private static int Tries(WriteGroup tried, IReadOnlyList<BatchOrder> orders) => orders.Count == tried.Orders.Count ? tried.Tries + 1 : tried.Tries;
}

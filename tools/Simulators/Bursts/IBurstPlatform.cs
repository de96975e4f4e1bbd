namespace ServerlessSync.Simulators.Bursts;

/// <summary>
/// The platform-specific part of a burst: how its orders are created, which pushes each order gets, and how one push
/// is sent. <see cref="BurstPlayer{TPlan, TOrder, TPush, TRecord, TResult}"/> does the scheduling and the decisions.
/// </summary>
public interface IBurstPlatform<in TPlan, TOrder, TPush, TRecord>
{
    IReadOnlyList<TOrder> CreateOrders(TPlan plan, Random random);

    string OrderId(TOrder order);

    /// <summary>The order's pushes in the order the platform sends them; an out-of-order order sends them reversed.</summary>
    IReadOnlyList<TPush> Pushes(TOrder order);

    /// <summary>The record of a push the burst decided not to send.</summary>
    TRecord Dropped(TPush push);

    /// <summary>Sends the push; an unreachable webhook is a failed record, not an exception.</summary>
    Task<TRecord> SendAsync(Uri webhook, TPush push, bool isDuplicate, CancellationToken cancellationToken);
}

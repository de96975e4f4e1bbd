using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>One answered <c>taobao.trades.sold.increment.get</c> page: what was asked and what the window held.</summary>
public sealed record TaobaoListCall(string Start, string End, int PageNo, int PageSize, int WindowTotal, IReadOnlyList<string> Tids);

/// <summary>The list pages the gateway answered, newest last, so tests and demos can see how a client paged.</summary>
public sealed class TaobaoCallLog
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentQueue<TaobaoListCall> calls = new();

    public void Add(TaobaoListCall call)
    {
        calls.Enqueue(call);
        while (calls.Count > MaxEntries && calls.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<TaobaoListCall> ListCalls(string? start = null, string? end = null) =>
        calls.Where(c => (start is null || c.Start == start) && (end is null || c.End == end)).ToList();
}

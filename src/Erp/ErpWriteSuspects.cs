using System.Collections.Concurrent;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Orders whose gathered create got an answer that could not be matched to its documents: one odd document garbles the
/// answer for every order it shares a call with. Their next writes go alone, so the odd one cannot hold the others back
/// again (the per-order counterpart of a batch run's split). Process-local and bounded; an entry expires after an hour.
/// </summary>
internal sealed class ErpWriteSuspects(TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _aloneUntil = new(StringComparer.Ordinal);

    public void Remember(IEnumerable<string> orderNumbers)
    {
        if (_aloneUntil.Count >= MaxEntries)
        {
            _aloneUntil.Clear();
        }

        var until = time.GetUtcNow() + Lifetime;
        foreach (var number in orderNumbers)
        {
            _aloneUntil[number] = until;
        }
    }

    public bool MustGoAlone(string orderNumber)
    {
        if (!_aloneUntil.TryGetValue(orderNumber, out var until))
        {
            return false;
        }

        if (until > time.GetUtcNow())
        {
            return true;
        }

        _aloneUntil.TryRemove(orderNumber, out _);
        return false;
    }
}

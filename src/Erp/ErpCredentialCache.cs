namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// The one credential an ERP connector shares between all its calls (Kingdee's LoginBySign session, SAP's CSRF token
/// with its cookies, YonBIP's access token): acquired on first use, acquired again once its renewal time has passed,
/// and forgotten when the ERP refuses it. Concurrent callers share one acquisition.
/// </summary>
/// <typeparam name="T">The credential; compared by reference, so a refusal forgets only the one that was refused.</typeparam>
public sealed class ErpCredentialCache<T>(
    Func<CancellationToken, Task<T>> acquire, TimeProvider time, Func<T, DateTimeOffset>? renewAt = null) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _acquireGate = new(1, 1);
    private T? _current;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var credential = Volatile.Read(ref _current);
        if (IsFresh(credential))
        {
            return credential!;
        }

        await _acquireGate.WaitAsync(cancellationToken);
        try
        {
            credential = Volatile.Read(ref _current);
            if (!IsFresh(credential))
            {
                credential = await acquire(cancellationToken);
                Volatile.Write(ref _current, credential);
            }

            return credential!;
        }
        finally
        {
            _acquireGate.Release();
        }
    }

    /// <summary>Forgets the credential unless another caller already replaced it.</summary>
    public void Invalidate(T stale) => Interlocked.CompareExchange(ref _current, null, stale);

    /// <summary>
    /// Sends with the current credential. An answer <paramref name="isRefused"/> marks (lost session, bad token, CSRF
    /// "Required") was not executed by the ERP, so the call is sent once more with a freshly acquired credential, writes
    /// included; refused again, the credential is forgotten and <paramref name="refusedAgain"/> is thrown.
    /// </summary>
    public async Task<TAnswer> SendAsync<TAnswer>(
        Func<T, Task<TAnswer>> send,
        Func<TAnswer, bool> isRefused,
        Action onFirstRefusal,
        Func<Exception> refusedAgain,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(isRefused);
        ArgumentNullException.ThrowIfNull(onFirstRefusal);
        ArgumentNullException.ThrowIfNull(refusedAgain);
        for (var attempt = 1; ; attempt++)
        {
            var credential = await GetAsync(cancellationToken);
            var answer = await send(credential);
            if (!isRefused(answer))
            {
                return answer;
            }

            Invalidate(credential);
            if (attempt > 1)
            {
                throw refusedAgain();
            }

            onFirstRefusal();
        }
    }

    public void Dispose() => _acquireGate.Dispose();

    private bool IsFresh(T? credential) =>
        credential is not null && (renewAt is null || time.GetUtcNow() < renewAt(credential));
}

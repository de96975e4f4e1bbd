namespace ServerlessSync.Pipeline.Tests.Erp;

/// <summary>The one expiry, refresh and refused-credential logic every ERP connector's session or token goes through.</summary>
public sealed class ErpCredentialCacheTests
{
    private sealed record Credential(int Number, DateTimeOffset RenewAt);

    /// <summary>Hands out credential 1, 2, 3, ... each valid for <see cref="Lifetime"/>; optionally held at a gate.</summary>
    private sealed class Issuer(TimeProvider time)
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

        private int _issued;

        public TaskCompletionSource? Gate { get; set; }

        public int Issued => Volatile.Read(ref _issued);

        public async Task<Credential> AcquireAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _issued);
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return new Credential(number, time.GetUtcNow() + Lifetime);
        }
    }

    private readonly ManualTimeProvider _time = new();

    private (ErpCredentialCache<Credential> Cache, Issuer Issuer) Create(bool expires = true)
    {
        var issuer = new Issuer(_time);
        return (new ErpCredentialCache<Credential>(issuer.AcquireAsync, _time, expires ? c => c.RenewAt : null), issuer);
    }

    [Fact]
    public async Task A_credential_is_acquired_once_and_reused()
    {
        var (cache, issuer) = Create();
        using var _ = cache;

        var first = await cache.GetAsync(CancellationToken.None);
        var second = await cache.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, issuer.Issued);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_acquisition()
    {
        var (cache, issuer) = Create();
        using var _ = cache;
        issuer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        issuer.Gate.SetResult();
        var credentials = await Task.WhenAll(callers);

        Assert.Equal(1, issuer.Issued);
        Assert.All(credentials, c => Assert.Same(credentials[0], c));
    }

    [Fact]
    public async Task An_expiring_credential_is_renewed_once_its_renewal_time_has_passed()
    {
        var (cache, issuer) = Create();
        using var _ = cache;
        var first = await cache.GetAsync(CancellationToken.None);

        _time.Advance(Issuer.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(first, await cache.GetAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(2, renewed.Number);
        Assert.Equal(2, issuer.Issued);
    }

    [Fact]
    public async Task A_credential_without_renewal_time_lasts_until_refused()
    {
        var (cache, issuer) = Create(expires: false);
        using var _ = cache;
        var first = await cache.GetAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(30));

        Assert.Same(first, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, issuer.Issued);
    }

    [Fact]
    public async Task Invalidating_a_stale_credential_leaves_its_replacement_alone()
    {
        var (cache, _) = Create();
        using var __ = cache;
        var stale = await cache.GetAsync(CancellationToken.None);
        cache.Invalidate(stale);
        var replacement = await cache.GetAsync(CancellationToken.None);

        cache.Invalidate(stale);

        Assert.Same(replacement, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(2, replacement.Number);
    }

    [Fact]
    public async Task A_refused_call_is_sent_once_more_with_a_fresh_credential()
    {
        var (cache, _) = Create();
        using var __ = cache;
        var sentWith = new List<int>();
        var firstRefusals = 0;

        var answer = await cache.SendAsync(
            c => { sentWith.Add(c.Number); return Task.FromResult(c.Number == 1 ? "refused" : "ok"); },
            a => a == "refused",
            () => firstRefusals++,
            () => new InvalidOperationException("refused again"),
            CancellationToken.None);

        Assert.Equal("ok", answer);
        Assert.Equal([1, 2], sentWith);
        Assert.Equal(1, firstRefusals);
    }

    [Fact]
    public async Task A_call_refused_again_after_a_fresh_credential_throws_and_forgets_it()
    {
        var (cache, issuer) = Create();
        using var _ = cache;
        var sends = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.SendAsync(
            _ => { sends++; return Task.FromResult("refused"); },
            a => a == "refused",
            () => { },
            () => new InvalidOperationException("refused again"),
            CancellationToken.None));

        Assert.Equal("refused again", error.Message);
        Assert.Equal(2, sends);
        Assert.Equal(3, (await cache.GetAsync(CancellationToken.None)).Number);
        Assert.Equal(3, issuer.Issued);
    }
}

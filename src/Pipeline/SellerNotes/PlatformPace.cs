namespace ServerlessSync.Pipeline.SellerNotes;

/// <summary>Spaces one caller's calls to a platform at most <c>callsPerSecond</c> apart (one sequence of calls, not shared).</summary>
public sealed class PlatformPace(double callsPerSecond, TimeProvider clock)
{
    private readonly TimeSpan gap = TimeSpan.FromSeconds(1 / callsPerSecond);
    private DateTimeOffset nextFree = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (nextFree > now)
        {
            await Task.Delay(nextFree - now, clock, cancellationToken);
            now = nextFree;
        }

        nextFree = now + gap;
    }
}

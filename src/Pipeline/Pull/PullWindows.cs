namespace ServerlessSync.Pipeline.Pull;

/// <summary>Splits a span into consecutive windows no longer than a platform allows per list call.</summary>
public static class PullWindows
{
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Split(DateTimeOffset from, DateTimeOffset to, TimeSpan maxWindow)
    {
        if (maxWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWindow), "A window must be longer than zero.");
        }

        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var start = from; start < to; start += maxWindow)
        {
            var end = start + maxWindow < to ? start + maxWindow : to;
            windows.Add((start, end));
        }

        return windows;
    }
}

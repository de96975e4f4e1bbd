namespace ServerlessSync.Domain.Tests.Fuzz;

/// <summary>
/// What every fuzzed call must respect: it returns or throws a validation error (a <see cref="FormatException"/>),
/// nothing else, and allocates in proportion to its input, never without bound.
/// </summary>
internal static class FuzzBounds
{
    /// <summary>Per call: a fixed allowance plus a generous multiple of the input (parsing copies and decodes it a few times).</summary>
    public static long AllocationLimit(int inputLength) => (4L << 20) + 256L * inputLength;

    public static void Check(int inputLength, Action call, Func<string> describe)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            call();
        }
        catch (FormatException)
        {
            // a validation error: the documented way to refuse input
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.GetType().Name}: {ex.Message} for input: {Shorten(describe())}");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationLimit(inputLength))
        {
            throw new Xunit.Sdk.XunitException($"allocated {allocated} bytes for {inputLength} input bytes: {Shorten(describe())}");
        }
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + "…";
}

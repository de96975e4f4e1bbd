namespace ServerlessSync.Domain.Mapping;

/// <summary>
/// Splits an amount in fen over weighted parts so the parts sum exactly to the amount. Each part gets the floor
/// of its exact share; the fen left over go one each to the parts with the largest remainders, ties to the
/// earlier part, so the result is deterministic.
/// </summary>
public static class PriceAllocator
{
    public static long[] Allocate(long amountFen, IReadOnlyList<long> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one part is needed.", nameof(weights));
        }

        if (amountFen < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountFen), "Only amounts of zero or more can be allocated.");
        }

        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var total = weights.Sum();
        var effective = total == 0 ? weights.Select(_ => 1L).ToArray() : weights.ToArray();
        var weightSum = (decimal)effective.Sum();
        var shares = new long[effective.Length];
        var remainders = new decimal[effective.Length];
        for (var i = 0; i < effective.Length; i++)
        {
            var exact = amountFen * effective[i] / weightSum;
            shares[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - shares[i];
        }

        var left = amountFen - shares.Sum();
        foreach (var i in Enumerable.Range(0, effective.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            shares[i]++;
        }

        return shares;
    }
}

namespace ServerlessSync.Simulators.Bursts;

/// <summary>
/// A live-room burst: create <see cref="Orders"/> orders and push each order's messages, starting orders at
/// <see cref="RatePerSecond"/>. Rates are probabilities in [0, 1], drawn per order (out of order) or per push (drop,
/// duplicate) from <see cref="Seed"/>, so a seeded plan always makes the same decisions.
/// </summary>
public abstract record BurstPlan
{
    public const int MaxOrderCount = 100_000;
    public const double MaxRatePerSecond = 10_000;
    public const int MaxConcurrencyLimit = 256;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(30);

    public int Orders { get; init; } = 10;

    public double RatePerSecond { get; init; } = 50;

    /// <summary>Chance a delivered push is delivered a second time.</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Chance an order's pushes are sent in reverse.</summary>
    public double OutOfOrderRate { get; init; }

    /// <summary>Chance a push is never sent.</summary>
    public double DropRate { get; init; }

    public string WebhookUrl { get; init; } = "";

    public int? Seed { get; init; }

    public int MaxConcurrency { get; init; } = 32;

    /// <summary>Bound on the whole burst; by default the schedule's length plus a minute, at most <see cref="MaxTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    public TimeSpan EffectiveTimeout =>
        Timeout ?? TimeSpan.FromSeconds(Math.Min(MaxTimeout.TotalSeconds, (Orders / RatePerSecond) + 60));

    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public Uri Validate()
    {
        if (Orders is < 1 or > MaxOrderCount)
        {
            throw new ArgumentException($"orders must be between 1 and {MaxOrderCount}.");
        }

        if (!(RatePerSecond > 0 && RatePerSecond <= MaxRatePerSecond))
        {
            throw new ArgumentException($"ratePerSecond must be above 0 and at most {MaxRatePerSecond}.");
        }

        foreach (var (name, rate) in new[] { ("duplicateRate", DuplicateRate), ("outOfOrderRate", OutOfOrderRate), ("dropRate", DropRate) })
        {
            if (!(rate >= 0 && rate <= 1))
            {
                throw new ArgumentException($"{name} must be between 0 and 1.");
            }
        }

        if (MaxConcurrency is < 1 or > MaxConcurrencyLimit)
        {
            throw new ArgumentException($"maxConcurrency must be between 1 and {MaxConcurrencyLimit}.");
        }

        if (Timeout is { } t && (t <= TimeSpan.Zero || t > MaxTimeout))
        {
            throw new ArgumentException($"timeout must be positive and at most {MaxTimeout}.");
        }

        ValidatePlatformFields();

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("webhookUrl must be an absolute http(s) URL.");
        }

        return uri;
    }

    /// <summary>Checks the fields a platform's plan adds; runs after the common limits and before the webhook URL.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    protected virtual void ValidatePlatformFields()
    {
    }

    /// <exception cref="ArgumentException"><paramref name="id"/> is given but is not 1 to <paramref name="maxDigits"/> ASCII digits.</exception>
    protected static void RequireNumericId(string? id, int maxDigits, string error)
    {
        if (id is not null && (id.Length == 0 || id.Length > maxDigits || !id.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException(error);
        }
    }
}

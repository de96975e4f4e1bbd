namespace ServerlessSync.Domain.Orders;

/// <summary>
/// Splits an order's total discount by who bears it. The platform-borne part is what the platform documents as its own
/// (and will settle to the merchant); the rest is the merchant's, so the two always add up to the total.
/// </summary>
public readonly record struct DiscountSplit(long MerchantFen, long PlatformFen)
{
    public static DiscountSplit Of(long totalFen, long platformBorneFen)
    {
        var total = Math.Max(0, totalFen);
        var platform = Math.Clamp(platformBorneFen, 0, total);
        return new DiscountSplit(total - platform, platform);
    }
}

namespace ServerlessSync.Domain.Mapping;

/// <summary>
/// The ERP order's remark: the platform order, then the money finance reconciles with the platform's settlement
/// (freight, merchant-borne discount, platform subsidy), in yuan; a figure that is zero is left out.
/// </summary>
public static class OrderNote
{
    public static string For(Order order)
    {
        var parts = new List<string> { $"{order.Key.Platform} order {order.Key.OrderId}" };
        Add(parts, "freight", order.FreightFen);
        Add(parts, "merchant discount", order.MerchantDiscountFen);
        Add(parts, "platform subsidy", order.PlatformSubsidyFen);
        return string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string label, long fen)
    {
        if (fen != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {fen / 100m:0.00}"));
        }
    }
}

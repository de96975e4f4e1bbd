namespace ServerlessSync.Domain.Rules;

/// <summary>
/// The fields a rule may test, by name. Kept to what a merchant's IT team reasons about; buyer data is limited
/// to the open id and whether a receiver is present.
/// </summary>
public static class OrderFacts
{
    public static readonly IReadOnlyDictionary<string, Func<Order, IReadOnlyList<string>, object?>> Fields =
        new Dictionary<string, Func<Order, IReadOnlyList<string>, object?>>(StringComparer.OrdinalIgnoreCase)
        {
            ["platform"] = (o, _) => o.Key.Platform,
            ["shopId"] = (o, _) => o.Key.ShopId,
            ["status"] = (o, _) => o.Status.ToString(),
            ["platformStatus"] = (o, _) => o.PlatformStatus,
            ["paidAmountFen"] = (o, _) => o.PaidAmountFen,
            ["freightFen"] = (o, _) => o.FreightFen,
            ["goodsPaidFen"] = (o, _) => o.PaidAmountFen - o.FreightFen,
            ["linesPaidFen"] = (o, _) => o.LinesPaidFen,
            ["amountMismatchFen"] = (o, _) => o.PaidAmountFen - o.FreightFen - o.LinesPaidFen,
            ["discountFen"] = (o, _) => o.DiscountFen,
            ["lineCount"] = (o, _) => (long)o.Lines.Count,
            ["quantity"] = (o, _) => (long)o.Lines.Sum(l => l.Quantity),
            ["buyerOpenId"] = (o, _) => o.BuyerOpenId,
            ["receiverMissing"] = (o, _) => o.Receiver.IsMissing,
            ["anchorId"] = (o, _) => o.Tags.AnchorId ?? o.Lines.FirstOrDefault(l => l.AnchorId is not null)?.AnchorId,
            ["liveRoomId"] = (o, _) => o.Tags.LiveRoomId ?? o.Lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId,
            ["channel"] = (o, _) => o.Tags.Channel,
            ["unmappedSkuCount"] = (_, unmapped) => (long)unmapped.Count,
            ["hasGift"] = (o, _) => o.Lines.Any(l => l.IsGift),
        };

    public static IReadOnlyList<string> Names => Fields.Keys.Order(StringComparer.Ordinal).ToList();
}

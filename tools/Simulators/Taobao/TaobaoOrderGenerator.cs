namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// Builds plausible live-room trades from <see cref="TaobaoSimCatalog"/>: 1–3 lines of 1–3 units with small line discounts,
/// sometimes a shop coupon spread over the lines (divide_order_fee), a free gift line (is_free_gift) bound to the first
/// line through gift_mids, and freight.
/// </summary>
public static class TaobaoOrderGenerator
{
    public const double GiftProbability = 0.2;
    public const double CouponProbability = 0.3;
    public const long Freight = 600;

    /// <summary>A platform-funded discount (<c>platform_subsidy_fee</c>) on this share of trades of 30.00 or more.</summary>
    public const long PlatformSubsidy = 300;

    public const double PlatformSubsidyProbability = 0.3;

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];

    private static readonly (string State, string City, string District, string Town)[] Regions =
    [
        ("浙江省", "杭州市", "西湖区", "文新街道"),
        ("广东省", "深圳市", "南山区", "粤海街道"),
        ("上海", "上海市", "浦东新区", "张江镇"),
        ("北京", "北京市", "朝阳区", "望京街道"),
        ("四川省", "成都市", "武侯区", "玉林街道"),
    ];

    /// <param name="modified">When the trade was last modified (paid); created shortly before.</param>
    public static TaobaoSimOrder Create(Random random, TaobaoIdSource ids, string sellerNick, DateTimeOffset modified)
    {
        modified = TruncateToSecond(modified);
        var tid = ids.Next();
        var (tradeFrom, orderFrom) = random.NextDouble() switch
        {
            < 0.7 => ("WAP", "wap"),
            < 0.8 => ("WAP,JHS", "jhs"),
            _ => ("TAOBAO", "taobao"),
        };

        var lines = new List<TaobaoSimLine>();
        foreach (var item in TaobaoSimCatalog.Items.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var num = random.Next(1, 4);
            var discount = Math.Min(random.Next(0, 4) * 100L, item.Product.PriceFen * num / 10);
            lines.Add(Line(ids.Next(), item, orderFrom) with { Num = num, Price = item.Product.PriceFen, DiscountFee = discount });
        }

        var goods = lines.Sum(l => l.LinePayment);
        var coupon = random.NextDouble() < CouponProbability && goods >= 3_000 ? (random.Next(0, 2) == 0 ? 500L : 1_000L) : 0L;
        var subsidy = random.NextDouble() < PlatformSubsidyProbability && goods >= 3_000 ? PlatformSubsidy : 0L;
        lines = Spread(lines, coupon + subsidy);

        if (random.NextDouble() < GiftProbability)
        {
            var item = TaobaoSimCatalog.Items[random.Next(TaobaoSimCatalog.Items.Count)];
            var giftOid = ids.Next();
            lines[0] = lines[0] with { GiftMids = giftOid };
            lines.Add(Line(giftOid, item, orderFrom) with { Num = 1, Price = 0, IsFreeGift = true, GiftMids = lines[0].Oid });
        }

        return new TaobaoSimOrder
        {
            Tid = tid,
            SellerNick = sellerNick,
            Created = modified.AddSeconds(-random.Next(1, 30)),
            PayTime = modified,
            Modified = modified,
            PostFee = random.NextDouble() < 0.3 ? Freight : 0,
            CouponFee = coupon,
            PlatformSubsidyFee = subsidy,
            TradeFrom = tradeFrom,
            BuyerOpenUid = "AA" + Token(random, 16),
            Receiver = Receiver(random),
            Lines = lines,
        };
    }

    public static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    /// <summary>Spreads an order-level discount over the lines by their payment; the last line takes the rounding.</summary>
    private static List<TaobaoSimLine> Spread(List<TaobaoSimLine> lines, long coupon)
    {
        var total = lines.Sum(l => l.LinePayment);
        var left = coupon;
        var spread = new List<TaobaoSimLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var share = i == lines.Count - 1 || total == 0 ? left : coupon * lines[i].LinePayment / total;
            left -= share;
            spread.Add(lines[i] with { DivideOrderFee = lines[i].LinePayment - share });
        }

        return spread;
    }

    private static TaobaoSimLine Line(string oid, TaobaoSimCatalog.Item item, string orderFrom) => new()
    {
        Oid = oid,
        NumIid = item.NumIid,
        SkuId = item.SkuId,
        OuterIid = item.OuterIid,
        OuterSkuId = item.Product.MerchantCode,
        Title = item.Product.Title,
        Num = 1,
        Price = item.Product.PriceFen,
        OrderFrom = orderFrom,
    };

    private static TaobaoSimReceiver Receiver(Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        return new TaobaoSimReceiver(
            Surnames[random.Next(Surnames.Length)] + "**",
            $"*******{random.Next(0, 10_000):D4}",
            region.State,
            region.City,
            region.District,
            region.Town,
            $"**路{random.Next(1, 300)}号***");
    }

    private static string Token(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Builds plausible live-room orders from <see cref="DemoCatalog"/>: 1–3 lines of 1–3 units, a small merchant discount per
/// line, sometimes a free gift (<c>is_free_gift</c>) bound to the first line's SKU, sometimes freight. Anchors become
/// 视频号 finder ids and their rooms live ids.
/// </summary>
public static class WeChatOrderGenerator
{
    public const double GiftProbability = 0.2;
    public const long Freight = 600;

    /// <summary>A platform coupon (平台券) on a line, paid for by the platform, on this share of lines.</summary>
    public const long PlatformCoupon = 500;

    public const double PlatformCouponProbability = 0.3;

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];

    private static readonly (string Province, string City, string County)[] Regions =
    [
        ("浙江省", "杭州市", "西湖区"),
        ("广东省", "深圳市", "南山区"),
        ("上海市", "上海市", "浦东新区"),
        ("北京市", "北京市", "朝阳区"),
        ("四川省", "成都市", "武侯区"),
    ];

    /// <summary>The 视频号 id a demo anchor sells under.</summary>
    public static string FinderId(DemoCatalog.Anchor anchor) => "sph" + anchor.AuthorId;

    public static WeChatSimOrder Create(Random random, WeChatIdSource ids, DateTimeOffset now)
    {
        var anchor = DemoCatalog.Anchors[random.Next(DemoCatalog.Anchors.Count)];
        var products = DemoCatalog.Products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        var lines = products.Select(product =>
        {
            var quantity = random.Next(1, 4);
            return Line(product) with
            {
                SkuCnt = quantity,
                Discount = Math.Min(random.Next(0, 4) * 100L, product.PriceFen * quantity / 10),
                PlatformCoupon = random.NextDouble() < PlatformCouponProbability ? Math.Min(PlatformCoupon, product.PriceFen * quantity / 10) : 0,
            };
        }).ToList();

        if (random.NextDouble() < GiftProbability)
        {
            var gift = DemoCatalog.Products[random.Next(DemoCatalog.Products.Count)];
            lines.Add(Line(gift) with { SkuCnt = 1, SalePrice = 0, IsFreeGift = true, MainSkuId = lines[0].SkuId });
        }

        var live = random.NextDouble() < 0.9;
        // Paid at least 5 s ago: a pull window ending now must see the order.
        var created = now.ToUnixTimeSeconds() - random.Next(35, 150);
        var paid = created + random.Next(1, 30);
        return new WeChatSimOrder
        {
            OrderId = ids.Next(),
            CreateTime = created,
            PayTime = paid,
            UpdateTime = paid,
            Freight = random.NextDouble() < 0.3 ? Freight : 0,
            Lines = lines,
            OpenId = "o" + Token(random, 27),
            FinderId = FinderId(anchor),
            FinderNickname = anchor.AuthorName,
            LiveId = live ? anchor.RoomId : "",
            OrderScene = live ? 2 : 3,
            Address = Address(random),
        };
    }

    private static WeChatSimLine Line(DemoCatalog.Product product) => new()
    {
        ProductId = product.ProductId,
        SkuId = product.SkuId,
        SkuCode = product.MerchantCode,
        Title = product.Title,
        SkuCnt = 1,
        SalePrice = product.PriceFen,
    };

    private static WeChatSimAddress Address(Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        return new WeChatSimAddress(
            Surnames[random.Next(Surnames.Length)] + "**",
            $"1{random.Next(30, 90)}****{random.Next(0, 10_000):D4}",
            region.Province,
            region.City,
            region.County,
            $"***{random.Next(1, 300)}号");
    }

    private static string Token(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}

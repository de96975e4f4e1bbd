namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Builds plausible live-room orders from <see cref="DemoCatalog"/>: 1–3 lines of 1–3 units, a small discount per line,
/// sometimes a FREE gift line (price 0) bound to the first line, sometimes freight.
/// </summary>
public static class DouyinOrderGenerator
{
    public const double GiftProbability = 0.2;
    public const long Freight = 600;

    /// <summary>A platform coupon (平台券) on a line, paid for by the platform, on this share of lines.</summary>
    public const long PlatformCoupon = 500;

    public const double PlatformCouponProbability = 0.3;

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];

    private static readonly (string Province, string City, string Town, string Street)[] Regions =
    [
        ("浙江省", "杭州市", "西湖区", "文新街道"),
        ("广东省", "深圳市", "南山区", "粤海街道"),
        ("上海市", "上海市", "浦东新区", "张江镇"),
        ("北京市", "北京市", "朝阳区", "望京街道"),
        ("四川省", "成都市", "武侯区", "玉林街道"),
    ];

    public static DouyinSimOrder Create(Random random, DouyinIdSource ids, string shopId, DateTimeOffset now)
    {
        var orderId = ids.Next();
        var anchor = DemoCatalog.Anchors[random.Next(DemoCatalog.Anchors.Count)];
        var products = DemoCatalog.Products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();

        var lines = new List<DouyinSimLine>();
        foreach (var product in products)
        {
            var quantity = random.Next(1, 4);
            var discount = Math.Min(random.Next(0, 4) * 100L, product.PriceFen * quantity / 10);
            lines.Add(Line(lines.Count == 0 ? orderId : ids.Next(), orderId, product, anchor) with
            {
                ItemNum = quantity,
                OriginAmount = product.PriceFen,
                PromotionAmount = discount,
                PlatformPromotionAmount = random.NextDouble() < PlatformCouponProbability ? Math.Min(PlatformCoupon, product.PriceFen * quantity / 10) : 0,
            });
        }

        if (random.NextDouble() < GiftProbability)
        {
            var gift = DemoCatalog.Products[random.Next(DemoCatalog.Products.Count)];
            lines[0] = lines[0] with { GivenProductType = "MASTER" };
            lines.Add(Line(ids.Next(), orderId, gift, anchor) with
            {
                ItemNum = 1,
                OriginAmount = 0,
                GivenProductType = "FREE",
                MasterSkuOrderIds = [lines[0].OrderId],
            });
        }

        // Paid (and last updated) at least 5 s before "now": a list window ending now must see every generated order.
        var created = now.ToUnixTimeSeconds() - random.Next(35, 150);
        var paid = created + random.Next(1, 30);
        return new DouyinSimOrder
        {
            OrderId = orderId,
            ShopId = shopId,
            CreateTime = created,
            PayTime = paid,
            UpdateTime = paid,
            PostAmount = random.NextDouble() < 0.3 ? Freight : 0,
            Lines = lines,
            DoudianOpenId = "1@#" + Cipher(random, 18),
            CBiz = random.NextDouble() < 0.25 ? 2 : 8,
            Receiver = Receiver(random),
        };
    }

    private static DouyinSimLine Line(string lineId, string orderId, DemoCatalog.Product product, DemoCatalog.Anchor anchor) => new()
    {
        OrderId = lineId,
        ParentOrderId = orderId,
        SkuId = product.SkuId,
        ProductId = product.ProductId,
        Code = product.MerchantCode,
        ProductName = product.Title,
        ItemNum = 1,
        OriginAmount = product.PriceFen,
        AuthorId = anchor.AuthorId,
        AuthorName = anchor.AuthorName,
        RoomId = anchor.RoomId,
    };

    private static DouyinSimReceiver Receiver(Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        var tel = $"1{random.Next(30, 90)}****{random.Next(0, 10_000):D4}";
        return new DouyinSimReceiver(
            Surnames[random.Next(Surnames.Length)] + "**",
            tel,
            region.Province,
            region.City,
            region.Town,
            region.Street,
            $"***{random.Next(1, 300)}号",
            "#" + Cipher(random, 12) + "#" + Cipher(random, 24) + "#*#1##",
            "$" + Cipher(random, 12) + "$" + Cipher(random, 24) + "$*$1$$",
            "#" + Cipher(random, 12) + "#" + Cipher(random, 48) + "#*#1##");
    }

    private static string Cipher(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }
}

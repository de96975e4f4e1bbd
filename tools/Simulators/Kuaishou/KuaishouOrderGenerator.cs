namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Builds plausible live-room orders from <see cref="DemoCatalog"/>: one SKU of 1–3 units with a small discount, sometimes
/// a gift 附属单 (price 0), sometimes freight. Most orders are 分销 through a 达人 anchor (<c>orderCpsInfo</c> and seller
/// role 达人), the rest sold in the shop's own live room by its 授权号 anchor; nearly all come from a live room.
/// </summary>
public static class KuaishouOrderGenerator
{
    public const double GiftProbability = 0.2;
    public const double DistributionProbability = 0.7;
    public const double ShortVideoProbability = 0.1;
    public const long Freight = 800;

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];

    private static readonly (string Province, string City, string District, string Town)[] Regions =
    [
        ("北京市", "北京市", "海淀区", "上地街道"),
        ("浙江省", "杭州市", "余杭区", "五常街道"),
        ("广东省", "广州市", "天河区", "石牌街道"),
        ("江苏省", "南京市", "鼓楼区", "湖南路街道"),
        ("湖北省", "武汉市", "洪山区", "关山街道"),
    ];

    public static KuaishouSimOrder Create(Random random, KuaishouIdSource ids, string sellerId, DateTimeOffset now)
    {
        var oid = ids.Next();
        var anchor = DemoCatalog.Anchors[random.Next(DemoCatalog.Anchors.Count)];
        var product = DemoCatalog.Products[random.Next(DemoCatalog.Products.Count)];
        var quantity = random.Next(1, 4);
        var discount = Math.Min(random.Next(0, 4) * 100L, product.PriceFen * quantity / 10);

        var gifts = new List<KuaishouSimGift>();
        if (random.NextDouble() < GiftProbability)
        {
            var gift = DemoCatalog.Products[random.Next(DemoCatalog.Products.Count)];
            gifts.Add(new KuaishouSimGift(ids.Next(), Item(gift, 1) with { OriginalPrice = 0 }));
        }

        var distributed = random.NextDouble() < DistributionProbability;
        var shortVideo = random.NextDouble() < ShortVideoProbability;
        // Paid (and last updated) before "now", so a list window ending now sees every generated order.
        var created = now.ToUnixTimeMilliseconds() - random.Next(31_000, 120_000);
        var paid = created + random.Next(1_000, 30_000);
        return new KuaishouSimOrder
        {
            Oid = oid,
            SellerId = sellerId,
            CreateTime = created,
            PayTime = paid,
            UpdateTime = paid,
            Item = Item(product, quantity),
            Gifts = gifts,
            DiscountFee = discount,
            ExpressFee = random.NextDouble() < 0.3 ? Freight : 0,
            BuyerOpenId = "f18" + Hex(random, 14),
            SellerOpenId = "f19" + Hex(random, 14),
            CpsType = distributed ? 2 : 1,
            DistributorId = distributed ? anchor.AuthorId : null,
            DistributorName = distributed ? anchor.AuthorName : null,
            SellerRoleType = distributed ? 2 : 3,
            SellerRoleId = anchor.AuthorId,
            SellerRoleName = anchor.AuthorName,
            CarrierType = shortVideo ? 1 : 2,
            CarrierId = shortVideo ? "5" + random.NextInt64(1_000_000_000_000, 9_999_999_999_999) : anchor.RoomId,
            Receiver = Receiver(random),
        };
    }

    private static KuaishouSimItem Item(DemoCatalog.Product product, int quantity) =>
        new(product.SkuId, product.ProductId, product.MerchantCode, product.Title, quantity, product.PriceFen);

    private static KuaishouSimReceiver Receiver(Random random)
    {
        var region = Regions[random.Next(Regions.Length)];
        return new KuaishouSimReceiver(
            Surnames[random.Next(Surnames.Length)] + "**",
            $"1{random.Next(30, 90)}******{random.Next(0, 100):D2}",
            region.Province,
            region.City,
            region.District,
            region.Town,
            $"{region.Province}{region.City}{region.District}{region.Town}***{random.Next(1, 300)}号",
            "##" + Cipher(random, 24) + "##",
            "$$" + Cipher(random, 16) + "$$",
            "~~" + Cipher(random, 48) + "~~");
    }

    private static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    private static string Cipher(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }
}

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>A readable sales channel from <c>carrierType</c> (下单载体) and <c>cpsType</c> (1 普通, 2 分销), e.g. "直播间·分销".</summary>
public static class KuaishouChannel
{
    /// <summary>Carrier types whose <c>carrierId</c> is a live room id (直播间, 直播回放).</summary>
    public static bool IsLiveRoom(long? carrierType) => carrierType is 2 or 7;

    public static string? Describe(long? carrierType, long? cpsType)
    {
        var carrier = carrierType switch
        {
            null or 0 => null,
            1 => "短视频",
            2 => "直播间",
            7 => "直播回放",
            3 or 29 => "个人店铺页",
            311 => "订单详情页",
            10008 => "搜索",
            201 => "直播推荐",
            478 => "首页推荐",
            100010 => "讲解回放",
            >= 10000 and <= 20000 => "微信分享",
            _ => $"carrierType {carrierType}",
        };
        var traffic = cpsType switch
        {
            2 => "分销",
            1 => "自卖",
            _ => null,
        };
        var parts = new[] { carrier, traffic }.Where(p => p is not null).ToArray();
        return parts.Length == 0 ? null : string.Join('·', parts);
    }
}

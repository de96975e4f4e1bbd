namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>A readable sales channel from <c>b_type</c> (下单端) and <c>c_biz</c> (C端流量来源), e.g. "抖音·小店自卖".</summary>
public static class DouyinChannel
{
    public static string? Describe(long? bType, string? bTypeDesc, long? cBiz, string? cBizDesc)
    {
        var client = bType switch
        {
            null => null,
            0 => "站外",
            1 => "火山",
            2 => "抖音",
            3 => "头条",
            4 => "西瓜",
            11 => "抖音极速版",
            _ => NonEmpty(bTypeDesc) ?? $"b_type {bType}",
        };
        var traffic = cBiz switch
        {
            null or 0 => NonEmpty(cBizDesc),
            2 => "精选联盟",
            8 => "小店自卖",
            _ => NonEmpty(cBizDesc) ?? $"c_biz {cBiz}",
        };
        var parts = new[] { client, traffic }.Where(p => p is not null).ToArray();
        return parts.Length == 0 ? null : string.Join('·', parts);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

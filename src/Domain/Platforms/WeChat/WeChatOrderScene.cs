namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>A readable sales channel from <c>ext_info.order_scene</c> (下单场景), e.g. "视频号·直播间".</summary>
public static class WeChatOrderScene
{
    public const int Live = 2;

    public static string? Describe(long? orderScene) => orderScene switch
    {
        null or 0 => null,
        1 => "视频号·其他",
        Live => "视频号·直播间",
        3 => "视频号·短视频",
        4 => "视频号·商品分享",
        5 => "视频号·橱窗主页",
        6 => "视频号·公众号文章商品卡片",
        _ => $"视频号·order_scene {orderScene}",
    };
}

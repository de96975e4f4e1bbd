using ServerlessSync.Domain.Platforms.Douyin;
using ServerlessSync.Domain.Platforms.Kuaishou;
using ServerlessSync.Domain.Platforms.Taobao;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// An order a person pasted: the platform's own order-detail answer (抖店 order.orderDetail, 快手 open.order.detail,
/// 微信小店 order/get, 淘宝 taobao.trade.fullinfo.get), read by the same parser the hub reads that platform's answers with.
/// </summary>
public static class PastedOrder
{
    /// <returns>The order, or why the text is not such an answer.</returns>
    public static (Order? Order, string? Problem) Parse(string platform, string shopId, string json)
    {
        try
        {
            (Order? order, object? error) = platform switch
            {
                PlatformNames.Douyin => DouyinOrderParser.ParseDetailResponse(json, shopId) is var d ? (d.Order, (object?)d.Error) : default,
                PlatformNames.Kuaishou => KuaishouOrderParser.ParseDetailResponse(json, shopId) is var k ? (k.Order, (object?)k.Error) : default,
                PlatformNames.WeChat => WeChatOrderParser.ParseDetailResponse(json, shopId) is var w ? (w.Order, (object?)w.Error) : default,
                PlatformNames.Taobao => TaobaoTradeParser.ParseFullInfoResponse(json, shopId) is var t ? (t.Order, (object?)t.Error) : default,
                _ => ((Order?)null, (object?)null),
            };
            return order is not null ? (order, null)
                : error is not null ? (null, $"the pasted answer is the platform's error ({error})")
                : (null, $"unknown platform '{platform}'; use one of {string.Join(", ", PlatformNames.All)}");
        }
        catch (FormatException ex)
        {
            return (null, $"not a {platform} order-detail answer: {ex.Message}");
        }
    }
}

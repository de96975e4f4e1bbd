using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// WeChat answers: <c>{errcode, errmsg}</c> with HTTP 200 for errors, errmsg ending in " rid: ..." as the real API does.
/// The codes are WeChat's global ones; the reference gives none for the order API, and the unknown-order code is a guess.
/// </summary>
public static class WeChatSimAnswers
{
    public const long InvalidCredential = 40001;
    public const long InvalidGrantType = 40002;
    public const long InvalidAppId = 40013;
    public const long InvalidArgs = 40097;
    public const long InvalidAppSecret = 40125;
    public const long AccessTokenMissing = 41001;
    public const long AccessTokenExpired = 42001;
    public const long ApiFreqLimit = 45009;
    public const long DataFormatError = 47001;

    /// <summary>Guessed: the reference lists no "order does not exist" code for order/get.</summary>
    public const long OrderNotFound = 100002;

    /// <summary>已经发货: documented for the older mini-shop delivery/send; whether channels answers it is not (loop.md §2.3 U).</summary>
    public const long AlreadyShipped = 109001;

    /// <summary>发货失败 (same source as <see cref="AlreadyShipped"/>).</summary>
    public const long DeliveryFailed = 109000;

    /// <summary>订单更新过于频繁 (merchantnotes/update).</summary>
    public const long OrderUpdatedTooOften = 100003;

    /// <summary>stock/update and stock/get (loop.md §3, documented): 参数错误.</summary>
    public const long StockBadParams = 10020051;

    /// <summary>商品不存在,或该商品未曾经上架成功过.</summary>
    public const long ProductNotFound = 10020052;

    /// <summary>更新该sku库存频率超限.</summary>
    public const long StockUpdatedTooOften = 10020112;

    /// <summary>增加减少数量为0.</summary>
    public const long StockChangeZero = 10020218;

    /// <summary>库存不足以减扣.</summary>
    public const long StockTooLowToSubtract = 10020219;

    public static IResult Error(long errcode, string errmsg) =>
        Send(new JsonObject { ["errcode"] = errcode, ["errmsg"] = $"{errmsg} rid: {Guid.NewGuid().ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}" });

    public static IResult Ok(JsonObject payload)
    {
        var body = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        foreach (var (name, value) in payload.ToList())
        {
            payload.Remove(name);
            body[name] = value;
        }

        return Send(body);
    }

    public static IResult Send(JsonObject body) => SimJson.Reply(body);
}

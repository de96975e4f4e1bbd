namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>Log templates of the Taobao adapter: ids, codes and counts only, never buyer data.</summary>
internal static partial class TaobaoLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Taobao {Method} for {Subject} returned code {Code} sub_code {SubCode} request_id {RequestId}")]
    public static partial void ApiError(ILogger logger, string method, string subject, long code, string? subCode, string? requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Taobao list for {ShopId} read page {PageNo} of {Total} trades: {Listed} listed, {Fresh} new")]
    public static partial void PageRead(ILogger logger, string shopId, int pageNo, long total, int listed, int fresh);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taobao list for {ShopId} grew from {Total} to {NewTotal} trades while paging; restarting from the last page (restart {Restart})")]
    public static partial void WindowGrew(ILogger logger, string shopId, long total, long newTotal, int restart);
}

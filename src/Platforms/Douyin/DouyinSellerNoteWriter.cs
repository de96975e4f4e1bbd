using ServerlessSync.Domain.Platforms.SellerNotes;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Writes 抖店's seller note with <c>order.addOrderRemark</c>: POST <c>/order/addOrderRemark</c>, <c>param_json</c>
/// <c>{"order_id", "remark"}</c> (remark at most 60 characters; loop.md §1). Whether it replaces or adds is not documented,
/// so the whole note (the shop's text and ours) is sent, and it is read back as <c>seller_words</c>.
/// </summary>
public sealed class DouyinSellerNoteWriter(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinSellerNoteWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformSellerNoteWriter
{
    public const string HttpClientName = "platform-douyin-note";
    public const string AddOrderRemarkPath = "/order/addOrderRemark";
    public const int MaxRemarkChars = 60;

    private readonly ILogger logger = logger ?? NullLogger<DouyinSellerNoteWriter>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public SellerNoteLimit Limit { get; } = new(MaxRemarkChars);

    public async Task WriteAsync(OrderKey key, string? currentNote, string note, CancellationToken cancellationToken)
    {
        await DouyinGateway.CallAsync(
            http, options.Value, key.ShopId, AddOrderRemarkPath, new Dictionary<string, string> { ["order_id"] = key.OrderId, ["remark"] = note },
            time.GetUtcNow(), key.InstanceId, logger, cancellationToken);
    }
}

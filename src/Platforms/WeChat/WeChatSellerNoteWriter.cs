using ServerlessSync.Domain.Platforms.SellerNotes;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Sets 微信小店's merchant notes with <c>POST /channels/ec/order/merchantnotes/update</c> <c>{"order_id", "merchant_notes"}</c>
/// (loop.md §1). The call replaces the note, so the whole note (the shop's text read from <c>ext_info.merchant_notes</c>,
/// then ours) is sent. No length limit is documented. 100003 (updated too often) is retried later.
/// </summary>
public sealed class WeChatSellerNoteWriter(WeChatApi api) : IPlatformSellerNoteWriter
{
    public string Platform => PlatformNames.WeChat;

    public SellerNoteLimit Limit { get; } = new(null);

    public async Task WriteAsync(OrderKey key, string? currentNote, string note, CancellationToken cancellationToken) =>
        await api.PostAsync(key.ShopId, WeChatApiPaths.MerchantNotesUpdate, WeChatOrderParser.MerchantNotesRequest(key.OrderId, note), key.InstanceId, cancellationToken);
}

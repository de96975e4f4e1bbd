namespace ServerlessSync.Pipeline.Platforms;

/// <summary>
/// The HttpClients of the 抖店, 快手 and 淘宝 seller-note writers have no retrying handler: a note API may add a note on
/// every call (快手), or whether it does is not documented (抖店), so a blind resend after a lost answer could add ours
/// twice. The seller-note queue retries instead, and reads the note back before each try. (微信小店's merchantnotes/update
/// replaces the note, so a resend of the same text changes nothing; it goes through the shared, retrying WeChatApi.)
/// The delivery senders use them too: a blind resend of a shipment whose answer was lost could ship twice; the shipment
/// queue reads the platform order's waybills back before each try instead.
/// The stock writers use it too: the stock push retries a failed SKU on its own schedule and re-reads before an incremental change.
/// </summary>
public static class SellerNoteHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void Configure(HttpClient http) => http.Timeout = Timeout;
}

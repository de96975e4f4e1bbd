namespace ServerlessSync.Pipeline.Platforms;

/// <summary>
/// The HttpClients of the seller-note writers have no retrying handler: a note API may add a note on every call (快手), so
/// a blind resend after a lost answer could add ours twice. The seller-note queue retries instead, and reads the note
/// back before each try.
/// </summary>
public static class SellerNoteHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void Configure(HttpClient http) => http.Timeout = Timeout;
}

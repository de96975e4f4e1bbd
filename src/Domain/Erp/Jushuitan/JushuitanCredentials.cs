namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>The app's key and secret and the shop's access_token (30-day token from getInitToken).</summary>
public sealed record JushuitanCredentials(string AppKey, string AppSecret, string AccessToken)
{
    // Secrets must never reach a log through the record's generated ToString.
    public override string ToString() => $"JushuitanCredentials {{ AppKey = {AppKey} }}";
}

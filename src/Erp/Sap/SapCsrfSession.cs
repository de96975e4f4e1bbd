namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>A fetched CSRF token and the session cookies it belongs to; both go with every POST.</summary>
internal sealed record SapCsrfSession(string Token, string CookieHeader)
{
    // The token must never reach a log through the record's generated ToString.
    public override string ToString() => "SapCsrfSession { Token = ***, Cookies = *** }";
}

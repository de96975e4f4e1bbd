namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// SAP Gateway's CSRF protection: a GET with <c>X-CSRF-Token: Fetch</c> answers the token in the same header plus the
/// session cookies (<c>SAP_SESSIONID_&lt;SID&gt;_&lt;client&gt;</c>, <c>sap-XSRF_&lt;SID&gt;_&lt;client&gt;</c>); every POST must
/// send the token and all those cookies, or it is refused with 403 and <c>X-CSRF-Token: Required</c>.
/// </summary>
public static class SapCsrf
{
    public const string HeaderName = "X-CSRF-Token";
    public const string Fetch = "Fetch";
    public const string Required = "Required";

    public const string SessionCookiePrefix = "SAP_SESSIONID_";
    public const string XsrfCookiePrefix = "sap-XSRF_";

    /// <summary>True for a 403 answer that asks for a (new) CSRF token: the server did not run the request.</summary>
    public static bool IsTokenRequired(int httpStatus, string? csrfHeader) =>
        httpStatus == 403 && string.Equals(csrfHeader?.Trim(), Required, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>name=value</c> pairs of Set-Cookie headers as one Cookie header, the last value of a name winning.</summary>
    public static string CookieHeader(IEnumerable<string> setCookies)
    {
        ArgumentNullException.ThrowIfNull(setCookies);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var setCookie in setCookies)
        {
            var pair = setCookie.Split(';', 2)[0].Trim();
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = pair[..eq];
            pairs.RemoveAll(p => p.Key == name);
            pairs.Add(KeyValuePair.Create(name, pair[(eq + 1)..]));
        }

        return string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value));
    }
}

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// One signed open-API call: GET <c>{gateway}{Path}?{Query}</c>, every system parameter (<c>sign</c> included) in the query.
/// </summary>
public sealed record KuaishouSignedRequest(string Path, string Method, IReadOnlyDictionary<string, string> Parameters)
{
    public string Sign => Parameters[KuaishouApiSigner.SignParam];

    public string Param => Parameters[KuaishouApiSigner.ParamParam];

    public string Timestamp => Parameters[KuaishouApiSigner.TimestampParam];

    /// <summary>The URL-encoded query, in a fixed order.</summary>
    public string Query => string.Join('&', Order
        .Where(Parameters.ContainsKey)
        .Select(name => $"{name}={Uri.EscapeDataString(Parameters[name])}"));

    public string PathAndQuery => $"{Path}?{Query}";

    private static readonly string[] Order =
    [
        KuaishouApiSigner.AppKeyParam,
        KuaishouApiSigner.MethodParam,
        KuaishouApiSigner.VersionParam,
        KuaishouApiSigner.ParamParam,
        KuaishouApiSigner.AccessTokenParam,
        KuaishouApiSigner.TimestampParam,
        KuaishouApiSigner.SignMethodParam,
        KuaishouApiSigner.SignParam,
    ];
}

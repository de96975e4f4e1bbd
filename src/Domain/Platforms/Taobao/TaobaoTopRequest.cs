namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// One signed TOP call: every parameter (system and business, plus <c>sign</c>) goes to the gateway
/// (<c>/router/rest</c>) as an <c>application/x-www-form-urlencoded</c> POST body (<see cref="FormBody"/>).
/// </summary>
public sealed record TaobaoTopRequest(string Method, IReadOnlyDictionary<string, string> Parameters)
{
    public const string ApiVersion = "2.0";
    public const string Format = "json";

    private static readonly string[] SystemParameters = ["method", "app_key", "session", "timestamp", "format", "v", "sign_method", "sign"];

    public string Sign => Parameters[TaobaoTopSigner.SignParameter];

    public string FormBody => string.Join('&', Parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>
    /// Adds the system parameters (<c>method, app_key, session, timestamp</c> in Beijing time, <c>format=json, v=2.0,
    /// sign_method</c>) to <paramref name="businessParameters"/> and signs them all. An empty session is left out
    /// (APIs without user data need none).
    /// </summary>
    public static TaobaoTopRequest Build(
        string appKey,
        string appSecret,
        string? session,
        string method,
        IReadOnlyDictionary<string, string> businessParameters,
        DateTimeOffset now,
        string signMethod = TaobaoSignMethod.Md5)
    {
        if (!TaobaoSignMethod.IsKnown(signMethod))
        {
            throw new ArgumentException($"sign_method '{signMethod}' is neither md5 nor hmac.", nameof(signMethod));
        }

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in businessParameters)
        {
            if (SystemParameters.Contains(name))
            {
                throw new ArgumentException($"'{name}' is a system parameter.", nameof(businessParameters));
            }

            parameters[name] = value;
        }

        parameters["method"] = method;
        parameters["app_key"] = appKey;
        if (!string.IsNullOrEmpty(session))
        {
            parameters["session"] = session;
        }

        parameters["timestamp"] = TaobaoTime.ToText(now);
        parameters["format"] = Format;
        parameters["v"] = ApiVersion;
        parameters["sign_method"] = signMethod;
        parameters[TaobaoTopSigner.SignParameter] = TaobaoTopSigner.Sign(parameters, appSecret, signMethod);
        return new TaobaoTopRequest(method, parameters);
    }
}

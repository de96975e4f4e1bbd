using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>
/// Dependency tracking records each outbound HTTP call's full URL. Platform APIs put credentials in the query string
/// (抖店 <c>access_token</c> and <c>sign</c>, WeChat <c>access_token</c>) and a URL may carry an order or buyer
/// parameter, so every query value is replaced before the item leaves the process; names stay for diagnosis.
/// </summary>
public sealed class QueryStringRedactor : ITelemetryInitializer
{
    public const string Redacted = "REDACTED";

    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case DependencyTelemetry dependency:
                dependency.Data = Redact(dependency.Data);
                dependency.Name = Redact(dependency.Name);
                break;
            case RequestTelemetry request when request.Url is not null && !string.IsNullOrEmpty(request.Url.Query):
                request.Url = new Uri(Redact(request.Url.ToString()));
                break;
        }
    }

    /// <summary>Replaces each query value in a URL-like text with <see cref="Redacted"/>; text without a query is returned as is.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var start = text.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var fragment = text.IndexOf('#', start);
        var query = fragment < 0 ? text[(start + 1)..] : text[(start + 1)..fragment];
        var redacted = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return (equals < 0 ? pair : pair[..equals]) + "=" + Redacted;
        }));
        return text[..(start + 1)] + redacted;
    }
}

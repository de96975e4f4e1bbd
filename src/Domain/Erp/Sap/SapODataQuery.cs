namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// OData system query options in order (<c>$filter</c>, <c>$select</c>, ...). Values are percent-encoded as a whole, so
/// quotes, <c>&amp;</c>, <c>+</c> and <c>#</c> inside a platform order number cannot change the meaning of the URL.
/// </summary>
public sealed record SapODataQuery
{
    public static readonly SapODataQuery Empty = new();

    private readonly IReadOnlyList<KeyValuePair<string, string>> _options = [];

    public IReadOnlyList<KeyValuePair<string, string>> Options
    {
        get => _options;
        private init => _options = value;
    }

    public SapODataQuery With(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return this with { Options = [.. _options, KeyValuePair.Create(name, value)] };
    }

    public SapODataQuery Filter(string expression) => With("$filter", expression);

    public SapODataQuery Select(IEnumerable<string> properties) => With("$select", string.Join(',', properties));

    public SapODataQuery Top(int count) => With("$top", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SapODataQuery JsonFormat() => With("$format", "json");

    /// <summary><c>?name=value&amp;...</c> with every value percent-encoded, or "" when there are no options.</summary>
    public string ToQueryString() =>
        _options.Count == 0 ? "" : "?" + string.Join('&', _options.Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
}

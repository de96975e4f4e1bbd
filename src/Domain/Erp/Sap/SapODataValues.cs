using System.Text.RegularExpressions;

namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>OData V2 JSON literals: Edm.Decimal travels as a string, Edm.DateTime as <c>"/Date(ms)/"</c>.</summary>
public static partial class SapODataValues
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Decimal(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Yuan with two decimals, e.g. 10000 fen → "100.00". Money never passes through a double.</summary>
    public static string Money(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// An Edm.DateTime date property (SalesOrderDate): the calendar day in China time, sent as midnight UTC of that
    /// day, which is how SAP Gateway represents a DATS value.
    /// </summary>
    public static string Date(DateTimeOffset time)
    {
        var day = time.ToOffset(ChinaOffset).Date;
        var utcMidnight = new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero);
        return $"/Date({utcMidnight.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/";
    }

    /// <summary>Reads <c>"/Date(1718668800000)/"</c> (an offset suffix such as <c>+0000</c> is allowed); null when it is not one.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        var match = DatePattern().Match(text ?? "");
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"^/Date\((-?\d+)([+-]\d{4})?\)/$")]
    private static partial Regex DatePattern();
}

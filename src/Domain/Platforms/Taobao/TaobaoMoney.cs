namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// TOP money fields are yuan strings with two decimals ("200.07" = 200 yuan 7 fen). Converted through decimal, never
/// double, so every fen is exact.
/// </summary>
public static class TaobaoMoney
{
    /// <exception cref="FormatException">Not a plain decimal number, or finer than a fen.</exception>
    /// <exception cref="OverflowException">Too large for a long count of fen.</exception>
    public static long ToFen(string yuan)
    {
        var text = yuan.Trim();
        if (text.Length is 0 or > 24 ||
            !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{yuan}' is not a yuan amount.");
        }

        var fen = value * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new FormatException($"'{yuan}' is finer than a fen.");
        }

        return decimal.ToInt64(fen);
    }

    /// <summary>Fen as TOP writes them: "0.10", "1999.00", "-5.00".</summary>
    public static string ToYuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

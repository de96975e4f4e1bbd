using System.Globalization;
using System.Text;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>The simulator's opaque list cursor: the sort key (time ms, order id) of the last order returned, Base64url.</summary>
public static class KuaishouListCursor
{
    public readonly record struct Position(long Time, long Oid);

    public static Position Of(KuaishouSimOrder order, bool byUpdateTime) =>
        new(byUpdateTime ? order.UpdateTime : order.CreateTime, long.Parse(order.Oid, CultureInfo.InvariantCulture));

    public static string Encode(Position p) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{p.Time}_{p.Oid}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>"" decodes to no position (first page); anything not produced by <see cref="Encode"/> fails.</summary>
    public static bool TryDecode(string cursor, out Position? position)
    {
        position = null;
        if (cursor.Length == 0)
        {
            return true;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('_');
            if (parts.Length == 2 &&
                long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time) &&
                long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var oid))
            {
                position = new Position(time, oid);
                return true;
            }
        }
        catch (FormatException)
        {
            // not a cursor this simulator issued
        }

        return false;
    }

    public static bool IsAfter(Position candidate, Position cursor, bool ascending)
    {
        var order = candidate.Time != cursor.Time ? candidate.Time.CompareTo(cursor.Time) : candidate.Oid.CompareTo(cursor.Oid);
        return ascending ? order > 0 : order < 0;
    }
}

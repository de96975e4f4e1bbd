using System.Text.RegularExpressions;

namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Builds ExecuteBillQuery <c>FilterString</c> clauses (SQL-like) with values quoted and escaped.</summary>
public static partial class KingdeeFilter
{
    /// <summary>A string literal: single quotes doubled, as in SQL.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string Equal(string fieldKey, string value) => $"{CheckField(fieldKey)}={Quote(value)}";

    /// <summary><c>Field&gt;='value'</c>: K/3 Cloud compares dates given as text.</summary>
    public static string AtLeast(string fieldKey, string value) => $"{CheckField(fieldKey)}>={Quote(value)}";

    public static string In(string fieldKey, IEnumerable<string> values)
    {
        var quoted = values.Select(Quote).ToList();
        if (quoted.Count == 0)
        {
            throw new ArgumentException("An IN filter needs at least one value.", nameof(values));
        }

        return $"{CheckField(fieldKey)} in ({string.Join(',', quoted)})";
    }

    /// <summary>
    /// <c>field like '%text%'</c>: the text found anywhere in the field. K/3 Cloud runs on SQL Server, whose <c>like</c> takes
    /// <c>%</c>, <c>_</c> and <c>[</c> as wildcards, so each is bracketed to stand for itself.
    /// </summary>
    public static string Contains(string fieldKey, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literal = string.Concat(text.Select(c => c is '%' or '_' or '[' ? $"[{c}]" : c.ToString()));
        return $"{CheckField(fieldKey)} like {Quote("%" + literal + "%")}";
    }

    private static string CheckField(string fieldKey) =>
        FieldKeyPattern().IsMatch(fieldKey) ? fieldKey : throw new ArgumentException($"'{fieldKey}' is not a field key.", nameof(fieldKey));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex FieldKeyPattern();
}

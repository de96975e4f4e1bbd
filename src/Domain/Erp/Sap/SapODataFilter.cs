using System.Text.RegularExpressions;

namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>Builds OData V2 <c>$filter</c> expressions with string literals quoted and escaped.</summary>
public static partial class SapODataFilter
{
    /// <summary>An OData string literal: single quotes doubled (<c>O'Neil</c> → <c>'O''Neil'</c>).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string Equal(string property, string value) => $"{CheckProperty(property)} eq {Quote(value)}";

    /// <summary><c>(P eq 'a' or P eq 'b')</c>.</summary>
    public static string AnyEqual(string property, IEnumerable<string> values)
    {
        var clauses = values.Select(v => Equal(property, v)).ToList();
        return clauses.Count switch
        {
            0 => throw new ArgumentException("An any-of filter needs at least one value.", nameof(values)),
            _ => "(" + string.Join(" or ", clauses) + ")",
        };
    }

    public static string And(params string[] clauses) => string.Join(" and ", clauses.Where(c => !string.IsNullOrEmpty(c)));

    private static string CheckProperty(string property) =>
        PropertyPattern().IsMatch(property) ? property : throw new ArgumentException($"'{property}' is not an OData property name.", nameof(property));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyPattern();
}

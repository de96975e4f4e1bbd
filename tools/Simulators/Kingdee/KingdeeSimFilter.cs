using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The FilterString subset the simulator understands: clauses joined by <c>and</c>, each <c>Field='v'</c> or
/// <c>Field in ('a','b')</c> or <c>Field&gt;='v'</c> (dates and numbers compared as such), with SQL quote doubling. Also the
/// array form <c>[{"FieldName","Compare","Value"}]</c> with equality.
/// </summary>
public sealed record KingdeeSimFilter(IReadOnlyList<KingdeeSimFilter.Clause> Clauses)
{
    /// <param name="AtLeast">The clause is <c>Field&gt;='v'</c> with the single value in <paramref name="Values"/>.</param>
    public sealed record Clause(string Field, IReadOnlySet<string> Values, bool AtLeast = false)
    {
        public bool Matches(string value) => AtLeast ? Compare(value, Values.First()) >= 0 : Values.Contains(value);

        private static int Compare(string a, string b) =>
            DateTime.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.None, out var da) && DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.None, out var db) ? da.CompareTo(db)
            : decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var na) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var nb) ? na.CompareTo(nb)
            : string.CompareOrdinal(a, b);
    }

    public static readonly KingdeeSimFilter All = new([]);

    public bool Matches(Func<string, string?> fieldValue) =>
        Clauses.All(c => fieldValue(c.Field) is { } value && c.Matches(value));

    /// <summary>Null when the filter is not in the supported subset.</summary>
    public static KingdeeSimFilter? Parse(JsonNode? filter) => filter switch
    {
        null => All,
        JsonArray array => ParseArray(array),
        _ => ParseText(KingdeeSimJson.Text(filter)),
    };

    public static KingdeeSimFilter? ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var scanner = new Scanner(text);
        var clauses = new List<Clause>();
        while (true)
        {
            var clause = scanner.ReadClause();
            if (clause is null)
            {
                return null;
            }

            clauses.Add(clause);
            scanner.SkipSpaces();
            if (scanner.AtEnd)
            {
                return new KingdeeSimFilter(clauses);
            }

            if (!scanner.TryKeyword("and"))
            {
                return null;
            }
        }
    }

    private static KingdeeSimFilter? ParseArray(JsonArray array)
    {
        var clauses = new List<Clause>();
        foreach (var item in array)
        {
            var obj = item as JsonObject;
            var field = KingdeeSimJson.Text(obj, "FieldName");
            var value = KingdeeSimJson.Text(obj, "Value");
            var compare = KingdeeSimJson.Text(obj, "Compare") ?? "=";
            if (field is null || value is null || compare is not ("=" or "67"))
            {
                return null;
            }

            clauses.Add(new Clause(field, new HashSet<string>([value], StringComparer.Ordinal)));
        }

        return new KingdeeSimFilter(clauses);
    }

    private sealed class Scanner(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public bool TryKeyword(string keyword)
        {
            SkipSpaces();
            if (string.Compare(text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && _pos + keyword.Length < text.Length && !IsFieldChar(text[_pos + keyword.Length]))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        public Clause? ReadClause()
        {
            SkipSpaces();
            var start = _pos;
            while (!AtEnd && IsFieldChar(text[_pos]))
            {
                _pos++;
            }

            var field = text[start.._pos];
            if (field.Length == 0)
            {
                return null;
            }

            SkipSpaces();
            if (_pos + 1 < text.Length && text[_pos] == '>' && text[_pos + 1] == '=')
            {
                _pos += 2;
                var bound = ReadLiteral();
                return bound is null ? null : new Clause(field, new HashSet<string>([bound], StringComparer.Ordinal), AtLeast: true);
            }

            if (!AtEnd && text[_pos] == '=')
            {
                _pos++;
                var value = ReadLiteral();
                return value is null ? null : new Clause(field, new HashSet<string>([value], StringComparer.Ordinal));
            }

            if (!TryKeyword("in"))
            {
                return null;
            }

            SkipSpaces();
            if (AtEnd || text[_pos] != '(')
            {
                return null;
            }

            _pos++;
            var values = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var value = ReadLiteral();
                if (value is null)
                {
                    return null;
                }

                values.Add(value);
                SkipSpaces();
                if (AtEnd)
                {
                    return null;
                }

                var c = text[_pos++];
                if (c == ')')
                {
                    return new Clause(field, values);
                }

                if (c != ',')
                {
                    return null;
                }
            }
        }

        private string? ReadLiteral()
        {
            SkipSpaces();
            if (AtEnd || text[_pos] != '\'')
            {
                return null;
            }

            _pos++;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_pos++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (!AtEnd && text[_pos] == '\'')
                {
                    value.Append('\'');
                    _pos++;
                }
                else
                {
                    return value.ToString();
                }
            }

            return null;
        }

        private static bool IsFieldChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
    }
}

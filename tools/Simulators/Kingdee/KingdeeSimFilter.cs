using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The FilterString subset the simulator understands: groups joined by <c>or</c>, each of clauses joined by <c>and</c>
/// (and binds tighter, as in SQL), each clause <c>Field='v'</c>, <c>Field in ('a','b')</c>, <c>Field&gt;='v'</c> (dates and
/// numbers compared as such) or <c>Field like 'pattern'</c> (SQL Server: <c>%</c> any text, <c>_</c> one character,
/// <c>[x]</c> the character x), with SQL quote doubling. Also the
/// array form <c>[{"FieldName","Compare","Value"}]</c> with equality.
/// </summary>
public sealed record KingdeeSimFilter(IReadOnlyList<IReadOnlyList<KingdeeSimFilter.Clause>> AnyOf)
{
    /// <param name="AtLeast">The clause is <c>Field&gt;='v'</c> with the single value in <paramref name="Values"/>.</param>
    /// <param name="Like">For a <c>like</c> clause, the pattern as a regular expression; null otherwise.</param>
    public sealed record Clause(string Field, IReadOnlySet<string> Values, bool AtLeast = false, System.Text.RegularExpressions.Regex? Like = null)
    {
        public bool Matches(string value) => Like?.IsMatch(value) ?? (AtLeast ? Compare(value, Values.First()) >= 0 : Values.Contains(value));

        private static int Compare(string a, string b) =>
            DateTime.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.None, out var da) && DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.None, out var db) ? da.CompareTo(db)
            : decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var na) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var nb) ? na.CompareTo(nb)
            : string.CompareOrdinal(a, b);
    }

    public static readonly KingdeeSimFilter All = new(Array.Empty<IReadOnlyList<Clause>>());

    public KingdeeSimFilter(IReadOnlyList<Clause> clauses)
        : this(clauses.Count == 0 ? [] : [clauses])
    {
    }

    /// <summary>Every clause of every group.</summary>
    public IReadOnlyList<Clause> Clauses => AnyOf.SelectMany(g => g).ToList();

    public bool Matches(Func<string, string?> fieldValue) =>
        AnyOf.Count == 0 || AnyOf.Any(group => group.All(c => fieldValue(c.Field) is { } value && c.Matches(value)));

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
        var groups = new List<IReadOnlyList<Clause>>();
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
                groups.Add(clauses);
                return new KingdeeSimFilter(groups);
            }

            if (scanner.TryKeyword("or"))
            {
                groups.Add(clauses);
                clauses = [];
            }
            else if (!scanner.TryKeyword("and"))
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

            if (TryKeyword("like"))
            {
                var pattern = ReadLiteral();
                return pattern is null ? null : new Clause(field, new HashSet<string>(StringComparer.Ordinal), Like: LikePattern(pattern));
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

        /// <summary>SQL Server's <c>like</c>: <c>%</c>, <c>_</c> and <c>[x]</c> for a literal x; case-insensitive like its default collation.</summary>
        private static System.Text.RegularExpressions.Regex LikePattern(string pattern)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '[' && i + 2 < pattern.Length && pattern[i + 2] == ']')
                {
                    regex.Append(System.Text.RegularExpressions.Regex.Escape(pattern[i + 1].ToString()));
                    i += 2;
                }
                else
                {
                    regex.Append(c switch { '%' => ".*", '_' => ".", _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()) });
                }
            }

            return new System.Text.RegularExpressions.Regex(regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        }

        private static bool IsFieldChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
    }
}

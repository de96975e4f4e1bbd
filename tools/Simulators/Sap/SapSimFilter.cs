using System.Globalization;
using System.Text;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// The part of OData V2 <c>$filter</c> the simulator understands: comparisons (<c>eq ne gt ge lt le</c>) between a property
/// and a literal, <c>substringof('text',Property)</c> (case-sensitive, as OData V2 defines it), <c>and</c>, <c>or</c>,
/// <c>not</c> and parentheses. String literals are single-quoted with <c>''</c> for a
/// quote; <c>datetime'2026-12-07T00:00:00'</c> compares with Edm.DateTime values (<c>/Date(ms)/</c>). A syntax error or an unknown property throws <see cref="FormatException"/>, which the endpoint answers with 400.
/// </summary>
public static class SapSimFilter
{
    public static Func<IReadOnlyDictionary<string, string>, bool> Parse(string? expression, IReadOnlySet<string> properties, string entityType)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (string.IsNullOrWhiteSpace(expression))
        {
            return _ => true;
        }

        var parser = new Parser(Tokenize(expression), properties, entityType);
        var predicate = parser.Or();
        parser.ExpectEnd();
        return predicate;
    }

    private enum Kind
    {
        Word,
        Text,
        Open,
        Close,
        Comma,
    }

    private sealed record Token(Kind Kind, string Value);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c switch { '(' => Kind.Open, ')' => Kind.Close, _ => Kind.Comma }, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Invalid token detected at position " + i.ToString(CultureInfo.InvariantCulture) + ": unterminated string literal.");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new Token(Kind.Text, value.ToString()));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Word, text[start..i]));
            }
        }

        return tokens;
    }

    private sealed class Parser(List<Token> tokens, IReadOnlySet<string> properties, string entityType)
    {
        private int _position;

        public Func<IReadOnlyDictionary<string, string>, bool> Or()
        {
            var left = And();
            while (TakeWord("or"))
            {
                var l = left;
                var r = And();
                left = row => l(row) || r(row);
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (_position < tokens.Count)
            {
                throw new FormatException($"Unexpected '{tokens[_position].Value}' in $filter.");
            }
        }

        private Func<IReadOnlyDictionary<string, string>, bool> And()
        {
            var left = Unary();
            while (TakeWord("and"))
            {
                var l = left;
                var r = Unary();
                left = row => l(row) && r(row);
            }

            return left;
        }

        private Func<IReadOnlyDictionary<string, string>, bool> Unary()
        {
            if (TakeWord("not"))
            {
                var inner = Unary();
                return row => !inner(row);
            }

            if (Peek()?.Kind == Kind.Open)
            {
                _position++;
                var inner = Or();
                if (Peek()?.Kind != Kind.Close)
                {
                    throw new FormatException("Missing ')' in $filter.");
                }

                _position++;
                return inner;
            }

            if (TakeWord("substringof"))
            {
                Expect(Kind.Open, "'(' after substringof");
                var needle = Operand();
                Expect(Kind.Comma, "',' between substringof's arguments");
                var haystack = Operand();
                Expect(Kind.Close, "')' after substringof's arguments");
                return row => haystack(row).Contains(needle(row), StringComparison.Ordinal);
            }

            return Comparison();
        }

        private void Expect(Kind kind, string what)
        {
            if (Peek()?.Kind != kind)
            {
                throw new FormatException($"Expected {what} in $filter.");
            }

            _position++;
        }

        private Func<IReadOnlyDictionary<string, string>, bool> Comparison()
        {
            var left = Operand();
            var op = Peek() is { Kind: Kind.Word } t ? t.Value : throw new FormatException("Expected a comparison operator in $filter.");
            _position++;
            var right = Operand();
            // Equality compares the literal text (codes such as '01' are strings); ordering compares numbers when both are numbers.
            return op switch
            {
                "eq" => row => string.Equals(left(row), right(row), StringComparison.Ordinal),
                "ne" => row => !string.Equals(left(row), right(row), StringComparison.Ordinal),
                "gt" => row => Order(left(row), right(row)) > 0,
                "ge" => row => Order(left(row), right(row)) >= 0,
                "lt" => row => Order(left(row), right(row)) < 0,
                "le" => row => Order(left(row), right(row)) <= 0,
                _ => throw new FormatException($"Operator '{op}' is not supported in $filter."),
            };
        }

        private Func<IReadOnlyDictionary<string, string>, string> Operand()
        {
            var token = Peek() ?? throw new FormatException("$filter ends too early.");
            _position++;
            switch (token.Kind)
            {
                case Kind.Text:
                    return _ => token.Value;
                case Kind.Word when token.Value == "datetime" && Peek() is { Kind: Kind.Text } literal:
                    _position++;
                    return DateTime.TryParse(literal.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                        ? _ => $"/Date({new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/"
                        : throw new FormatException($"Invalid datetime literal '{literal.Value}'.");
                case Kind.Word when properties.Contains(token.Value):
                    return row => row.TryGetValue(token.Value, out var v) ? v : "";
                case Kind.Word when decimal.TryParse(token.Value.TrimEnd('M', 'm'), NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                    return _ => token.Value.TrimEnd('M', 'm');
                case Kind.Word:
                    throw new FormatException($"Property '{token.Value}' not found in type '{entityType}'.");
                default:
                    throw new FormatException($"Unexpected '{token.Value}' in $filter.");
            }
        }

        private static int Order(string a, string b) =>
            decimal.TryParse(Number(a), NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(Number(b), NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(a, b);

        /// <summary>An Edm.DateTime <c>/Date(ms)/</c> orders by its milliseconds.</summary>
        private static string Number(string value) =>
            value.StartsWith("/Date(", StringComparison.Ordinal) && value.EndsWith(")/", StringComparison.Ordinal) ? value[6..^2] : value;

        private Token? Peek() => _position < tokens.Count ? tokens[_position] : null;

        private bool TakeWord(string word)
        {
            if (Peek() is { Kind: Kind.Word } t && t.Value == word)
            {
                _position++;
                return true;
            }

            return false;
        }
    }
}

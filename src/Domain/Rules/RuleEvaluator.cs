namespace ServerlessSync.Domain.Rules;

public sealed record RuleVerdict(RuleOutcome Outcome, IReadOnlyList<string> Reasons)
{
    public static readonly RuleVerdict Pass = new(RuleOutcome.Pass, []);
}

/// <summary>
/// Evaluates a profile's rules against an order. Quarantine beats hold beats pass; every matching rule's reason
/// is reported so a person sees all that is wrong at once.
/// </summary>
public static class RuleEvaluator
{
    public static readonly IReadOnlyList<string> Operators = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "contains", "exists", "missing"];

    public static RuleVerdict Evaluate(IEnumerable<RuleDefinition> rules, Order order, IReadOnlyList<string> unmappedSkus)
    {
        var matched = rules.Where(r => r.Enabled && Matches(r.When, order, unmappedSkus)).ToList();
        if (matched.Count == 0)
        {
            return RuleVerdict.Pass;
        }

        var outcome = matched.Max(r => r.Outcome);
        return new RuleVerdict(outcome, matched.Where(r => r.Outcome == outcome).Select(r => $"{r.Name}: {r.Reason}").ToList());
    }

    public static bool Matches(Condition condition, Order order, IReadOnlyList<string> unmappedSkus)
    {
        if (condition.All is { } all)
        {
            return all.All(c => Matches(c, order, unmappedSkus));
        }

        if (condition.Any is { } any)
        {
            return any.Any(c => Matches(c, order, unmappedSkus));
        }

        if (condition.Not is { } not)
        {
            return !Matches(not, order, unmappedSkus);
        }

        if (condition.Field is null || !OrderFacts.Fields.TryGetValue(condition.Field, out var read))
        {
            throw new RuleEvaluationException($"Unknown rule field '{condition.Field}'; known fields: {string.Join(", ", OrderFacts.Names)}.");
        }

        return Compare(read(order, unmappedSkus), condition.Op ?? "eq", condition.Value);
    }

    private static bool Compare(object? actual, string op, JsonElement? value) => op switch
    {
        "exists" => actual is not null && !(actual is string s && s.Length == 0),
        "missing" => actual is null || (actual is string s && s.Length == 0),
        "eq" => Equal(actual, value),
        "ne" => !Equal(actual, value),
        "gt" => Order(actual, value) > 0,
        "gte" => Order(actual, value) >= 0,
        "lt" => Order(actual, value) < 0,
        "lte" => Order(actual, value) <= 0,
        "in" => List(value).Any(v => Equal(actual, v)),
        "notIn" => !List(value).Any(v => Equal(actual, v)),
        "contains" => actual is string text && value is { ValueKind: JsonValueKind.String } needle && text.Contains(needle.GetString()!, StringComparison.Ordinal),
        _ => throw new RuleEvaluationException($"Unknown rule operator '{op}'; known operators: {string.Join(", ", Operators)}."),
    };

    private static bool Equal(object? actual, JsonElement? value) => (actual, value) switch
    {
        (null, null) => true,
        (null, { ValueKind: JsonValueKind.Null }) => true,
        (null, _) or (_, null) => false,
        (long n, { ValueKind: JsonValueKind.Number } v) => v.TryGetInt64(out var m) && n == m,
        (bool b, { ValueKind: JsonValueKind.True or JsonValueKind.False } v) => b == v.GetBoolean(),
        (string s, { ValueKind: JsonValueKind.String } v) => s == v.GetString(),
        (_, { } v) => string.Equals(Convert.ToString(actual, CultureInfo.InvariantCulture), v.ToString(), StringComparison.Ordinal),
    };

    private static int Order(object? actual, JsonElement? value)
    {
        if (actual is long n && value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var m))
        {
            return n.CompareTo(m);
        }

        throw new RuleEvaluationException($"Comparison needs a whole number on both sides, got {actual ?? "null"} and {value?.ToString() ?? "null"}.");
    }

    private static IEnumerable<JsonElement?> List(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(e => (JsonElement?)e) : throw new RuleEvaluationException("'in' and 'notIn' need a list value.");
}

/// <summary>A rule that cannot be evaluated against an order (unknown field or operator, a value of the wrong type).</summary>
public sealed class RuleEvaluationException(string message) : InvalidOperationException(message);

namespace ServerlessSync.Domain.Rules;

/// <summary>What a matching rule does; a higher value wins when several rules match.</summary>
public enum RuleOutcome
{
    Pass = 0,

    /// <summary>The order is valid but must not be written yet (e.g. a manual review of large orders).</summary>
    Hold = 1,

    /// <summary>The order waits for a person (fix the mapping or data, then release).</summary>
    Quarantine = 2,
}

/// <summary>
/// One rule of a profile: when <see cref="When"/> holds for an order, the order gets <see cref="Outcome"/> with
/// <see cref="Reason"/>. Rules are JSON data, e.g.
/// <c>{"name":"big orders","when":{"field":"paidAmountFen","op":"gt","value":500000},"outcome":"Hold","reason":"over 5000 yuan"}</c>.
/// </summary>
public sealed record RuleDefinition(string Name, Condition When, RuleOutcome Outcome, string Reason, bool Enabled = true);

/// <summary>
/// A condition: either a comparison (<see cref="Field"/>, <see cref="Op"/>, <see cref="Value"/>) or a combination
/// of conditions (<see cref="All"/> / <see cref="Any"/>; <see cref="Not"/> negates).
/// </summary>
public sealed record Condition
{
    public string? Field { get; init; }

    public string? Op { get; init; }

    /// <summary>A number, a string, a boolean, or a list for <c>in</c>/<c>notIn</c>; JSON-typed.</summary>
    public System.Text.Json.JsonElement? Value { get; init; }

    public IReadOnlyList<Condition>? All { get; init; }

    public IReadOnlyList<Condition>? Any { get; init; }

    public Condition? Not { get; init; }
}

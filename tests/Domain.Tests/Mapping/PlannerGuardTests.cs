namespace ServerlessSync.Domain.Tests.Mapping;

/// <summary>Orders or rules the planner cannot plan go to a person (quarantine with the reason) instead of failing the run.</summary>
public sealed class PlannerGuardTests
{
    [Fact]
    public void A_rule_comparing_text_as_a_number_quarantines_with_the_rule_error()
    {
        var rule = new RuleDefinition("odd", new Condition { Field = "shopId", Op = "gt", Value = JsonDocument.Parse("1").RootElement.Clone() }, RuleOutcome.Hold, "x");

        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, 1000)), Profile() with { Rules = [rule] });

        Assert.True(plan.IsQuarantined);
        Assert.Contains("a rule of the profile cannot be evaluated", plan.QuarantineReasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_line_amount_quarantines()
    {
        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, -5)), Profile());

        Assert.Equal(["line L1 has a negative amount or quantity"], plan.QuarantineReasons);
    }

    [Fact]
    public void Amounts_beyond_64_bits_quarantine_as_out_of_range()
    {
        var combo = new ComboMapping([new ComboComponent("MAT-1", "Pcs", 1_000, long.MaxValue / 10), new ComboComponent("MAT-2", "Pcs", 1, 1)]);

        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-C", 1, 1000)), Profile() with { Combos = new Dictionary<string, ComboMapping> { ["SKU-C"] = combo } });

        Assert.Equal([OrderPlanner.OutOfRangeReason], plan.QuarantineReasons);
    }
}

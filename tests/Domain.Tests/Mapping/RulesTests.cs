namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class RulesTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static RuleDefinition Rule(string json) => JsonSerializer.Deserialize<RuleDefinition>(json, Json)!;

    [Fact]
    public void A_blocked_buyer_is_quarantined_by_the_built_in_rule()
    {
        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, 1000)), Profile() with { BlockedBuyers = ["open-buyer-1"] });

        Assert.True(plan.IsQuarantined);
        Assert.Contains(plan.QuarantineReasons, r => r.StartsWith("blocked buyer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_receiver_is_quarantined_only_when_the_profile_requires_one()
    {
        var order = Order(Line("L1", "SKU-A", 1, 1000)) with { Receiver = ServerlessSync.Domain.Orders.MaskedReceiver.Empty };

        Assert.False(OrderPlanner.Plan(order, Profile()).IsQuarantined);
        var plan = OrderPlanner.Plan(order, Profile() with { RequireReceiver = true });
        Assert.Contains(plan.QuarantineReasons, r => r.StartsWith("missing receiver", StringComparison.Ordinal));
    }

    [Fact]
    public void A_merchant_rule_written_as_json_holds_big_orders_and_all_failing_rules_are_reported_together()
    {
        var profile = Profile() with
        {
            Rules =
            [
                Rule("""{"name":"big order","when":{"field":"paidAmountFen","op":"gte","value":500000},"outcome":"Hold","reason":"over 5000 yuan needs review"}"""),
                Rule("""{"name":"many units","when":{"all":[{"field":"quantity","op":"gt","value":10},{"not":{"field":"channel","op":"eq","value":"wholesale"}}]},"outcome":"Hold","reason":"bulk buy"}"""),
            ],
        };

        var small = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 1, 1000)), profile);
        var big = OrderPlanner.Plan(Order(Line("L1", "SKU-A", 20, 600000)), profile);

        Assert.False(small.IsHeld);
        Assert.True(big.IsHeld);
        Assert.NotNull(big.Document);
        Assert.Equal(2, big.HoldReasons.Count);
    }

    [Fact]
    public void Quarantine_beats_hold()
    {
        var profile = Profile() with
        {
            Rules = [Rule("""{"name":"anything","when":{"field":"lineCount","op":"gt","value":0},"outcome":"Hold","reason":"r"}""")],
        };

        var plan = OrderPlanner.Plan(Order(Line("L1", "SKU-UNKNOWN", 1, 1000)), profile);

        Assert.True(plan.IsQuarantined);
        Assert.False(plan.IsHeld);
    }

    [Theory]
    [InlineData("""{"field":"buyerOpenId","op":"in","value":["x","open-buyer-1"]}""", true)]
    [InlineData("""{"field":"buyerOpenId","op":"notIn","value":["x"]}""", true)]
    [InlineData("""{"field":"anchorId","op":"missing"}""", true)]
    [InlineData("""{"field":"anchorId","op":"exists"}""", false)]
    [InlineData("""{"field":"platformStatus","op":"eq","value":"105"}""", true)]
    [InlineData("""{"field":"receiverMissing","op":"eq","value":false}""", true)]
    [InlineData("""{"any":[{"field":"lineCount","op":"lt","value":1},{"field":"hasGift","op":"eq","value":true}]}""", false)]
    [InlineData("""{"field":"shopId","op":"contains","value":"shop"}""", true)]
    public void Conditions_evaluate_against_the_order(string condition, bool expected)
    {
        var parsed = JsonSerializer.Deserialize<Condition>(condition, Json)!;

        Assert.Equal(expected, RuleEvaluator.Matches(parsed, Order(Line("L1", "SKU-A", 1, 1000)), []));
    }

    [Fact]
    public void Disabled_rules_do_not_apply()
    {
        var rule = Rule("""{"name":"all","when":{"field":"lineCount","op":"gt","value":0},"outcome":"Quarantine","reason":"r","enabled":false}""");

        Assert.Equal(RuleOutcome.Pass, RuleEvaluator.Evaluate([rule], Order(Line("L1", "SKU-A", 1, 1000)), []).Outcome);
    }
}

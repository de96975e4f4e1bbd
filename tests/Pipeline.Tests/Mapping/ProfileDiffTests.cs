using ServerlessSync.Domain.Rules;

namespace ServerlessSync.Pipeline.Tests.Mapping;

public sealed class ProfileDiffTests
{
    [Fact]
    public void Names_each_changed_field_by_the_path_validation_uses_with_both_values()
    {
        var before = ProfileStoreTests.Profile(skus: 2) with
        {
            Rules = [new RuleDefinition("big", new Condition { Field = "paidAmountFen", Op = "gt", Value = JsonSerializer.SerializeToElement(500000) }, RuleOutcome.Hold, "over 5000 yuan")],
        };
        var after = before with
        {
            Version = 7,
            CustomerNumber = "CUST-NEW",
            Skus = new Dictionary<string, SkuMapping>(before.Skus) { ["35000000000000"] = new("M-CHANGED", "Pcs"), ["SKU-NEW"] = new("M-NEW", "Box") },
            Rules = [before.Rules[0] with { When = new Condition { Field = "paidAmountFen", Op = "gt", Value = JsonSerializer.SerializeToElement(800000) } }],
        };

        var changes = ProfileDiff.Between(before, after).ToDictionary(c => c.Path);

        Assert.Equal(["$.customerNumber", "$.rules[0].when.value", "$.skus['35000000000000'].materialNumber", "$.skus['SKU-NEW']"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("\"CUST-DY\"", "\"CUST-NEW\""), (changes["$.customerNumber"].Before, changes["$.customerNumber"].After));
        Assert.Equal(("500000", "800000"), (changes["$.rules[0].when.value"].Before, changes["$.rules[0].when.value"].After));
        Assert.Null(changes["$.skus['SKU-NEW']"].Before);
        Assert.Contains("M-NEW", changes["$.skus['SKU-NEW']"].After, StringComparison.Ordinal);
        Assert.Empty(ProfileDiff.Between(before, before with { Version = 9 }));
    }
}

namespace ServerlessSync.Domain.Tests.Mapping;

public sealed class ProfileValidatorTests
{
    [Fact]
    public void A_complete_profile_is_valid()
    {
        Assert.Empty(ProfileValidator.Validate(Profile()));
    }

    [Fact]
    public void Each_error_names_its_json_path_and_reason()
    {
        var profile = Profile() with
        {
            CustomerNumber = "",
            TaxRatePercent = 130,
            Skus = new Dictionary<string, SkuMapping> { ["SKU-A"] = new("", "Pcs") },
            Combos = new Dictionary<string, ComboMapping> { ["SKU-SET"] = new([new("MAT-X", "Pcs", 0, -5)]) },
            GiftRules = [new GiftRule("SKU-A", "", "Pcs", GiftQuantity: 0)],
            CustomFieldMap = new Dictionary<string, string> { ["buyerPhone"] = "F_X" },
            StatusMap = new Dictionary<string, Orders.OrderStatus> { [" "] = Orders.OrderStatus.Paid, ["105"] = Orders.OrderStatus.Paid },
        };

        var paths = ProfileValidator.Validate(profile).Select(e => e.Path).ToList();

        Assert.Contains("$.customerNumber", paths);
        Assert.Contains("$.taxRatePercent", paths);
        Assert.Contains("$.skus['SKU-A'].materialNumber", paths);
        Assert.Contains("$.combos['SKU-SET'].components[0].quantity", paths);
        Assert.Contains("$.combos['SKU-SET'].components[0].listPriceFen", paths);
        Assert.Contains("$.giftRules[0].giftMaterial", paths);
        Assert.Contains("$.giftRules[0]", paths);
        Assert.Contains("$.customFieldMap['buyerPhone']", paths);
        Assert.Contains("$.statusMap[' ']", paths);
        Assert.DoesNotContain("$.statusMap['105']", paths);
    }

    [Fact]
    public void Rules_with_unknown_fields_operators_wrong_value_types_or_duplicate_names_are_refused()
    {
        Condition C(string json) => JsonSerializer.Deserialize<Condition>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var profile = Profile() with
        {
            Rules =
            [
                new RuleDefinition("r1", C("""{"field":"buyerPhone","op":"eq","value":"x"}"""), RuleOutcome.Hold, "x"),
                new RuleDefinition("r1", C("""{"field":"paidAmountFen","op":"gt","value":"big"}"""), RuleOutcome.Hold, "x"),
                new RuleDefinition("r3", C("""{"field":"buyerOpenId","op":"in","value":"x"}"""), RuleOutcome.Hold, "x"),
                new RuleDefinition("r4", C("""{"all":[{"field":"lineCount","op":"between","value":1}]}"""), RuleOutcome.Hold, "x"),
                new RuleDefinition("r5", C("""{"field":"lineCount","op":"gt","value":1,"any":[]}"""), RuleOutcome.Hold, "x"),
            ],
        };

        var errors = ProfileValidator.Validate(profile);

        Assert.Contains(errors, e => e.Path == "$.rules[0].when.field");
        Assert.Contains(errors, e => e.Path == "$.rules[1].name");
        Assert.Contains(errors, e => e.Path == "$.rules[1].when.value");
        Assert.Contains(errors, e => e.Path == "$.rules[2].when.value");
        Assert.Contains(errors, e => e.Path == "$.rules[3].when.all[0].op");
        Assert.Contains(errors, e => e.Path == "$.rules[4].when");
    }

    [Fact]
    public void A_sku_cannot_be_both_a_single_material_and_a_combo()
    {
        var profile = Profile() with { Combos = new Dictionary<string, ComboMapping> { ["SKU-A"] = new([new("MAT-X", "Pcs", 1, 100)]) } };

        Assert.Contains(ProfileValidator.Validate(profile), e => e.Path == "$.combos['SKU-A']");
    }
}

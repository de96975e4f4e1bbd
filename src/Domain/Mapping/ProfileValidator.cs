using ServerlessSync.Domain.Rules;

namespace ServerlessSync.Domain.Mapping;

/// <summary>One problem in a mapping profile: where (a JSON path such as <c>$.skus['SKU-A'].materialNumber</c>) and why.</summary>
public sealed record ProfileError(string Path, string Reason);

/// <summary>Checks a profile before it is saved, so a bad edit never reaches the orders.</summary>
public static class ProfileValidator
{
    public static readonly IReadOnlyList<string> MarketingTags = ["anchorId", "anchorName", "liveRoomId", "channel"];

    public static IReadOnlyList<ProfileError> Validate(MappingProfile profile)
    {
        var errors = new List<ProfileError>();
        void Require(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new ProfileError(path, $"{what} is required"));
            }
        }

        if (!PlatformNames.IsKnown(profile.Platform ?? ""))
        {
            errors.Add(new ProfileError("$.platform", $"must be one of {string.Join(", ", PlatformNames.All)}"));
        }

        Require(profile.ShopId, "$.shopId", "the shop id");
        Require(profile.CustomerNumber, "$.customerNumber", "the ERP customer");
        Require(profile.SalesOrgNumber, "$.salesOrgNumber", "the ERP sales organisation");
        Require(profile.DefaultWarehouse, "$.defaultWarehouse", "the default warehouse");
        if (profile.TaxRatePercent is < 0 or > 100)
        {
            errors.Add(new ProfileError("$.taxRatePercent", "must be between 0 and 100"));
        }

        errors.AddRange(profile.SellerNote?.Problems() ?? [new ProfileError("$.sellerNote", "must be an object (or left out for the default)")]);
        errors.AddRange(profile.StockPush?.Problems(profile) ?? [new ProfileError("$.stockPush", "must be an object (or left out: no stock push)")]);
        if (profile.StockHoldMinutes < 0)
        {
            errors.Add(new ProfileError("$.stockHoldMinutes", "must be zero or more"));
        }

        if (profile.StockRecheckSeconds < 1)
        {
            errors.Add(new ProfileError("$.stockRecheckSeconds", "must be at least 1"));
        }

        foreach (var (key, sku) in profile.Skus ?? new Dictionary<string, SkuMapping>())
        {
            var path = $"$.skus['{key}']";
            Require(key, path, "the platform SKU id or merchant code");
            Require(sku?.MaterialNumber, $"{path}.materialNumber", "the ERP material");
            Require(sku?.UnitNumber, $"{path}.unitNumber", "the ERP unit");
        }

        foreach (var (key, combo) in profile.Combos)
        {
            var path = $"$.combos['{key}']";
            if (profile.Skus?.ContainsKey(key) == true)
            {
                errors.Add(new ProfileError(path, "is also in skus; a SKU is either a single material or a combo"));
            }

            if (combo.Components is not { Count: > 0 })
            {
                errors.Add(new ProfileError($"{path}.components", "a combo needs at least one component"));
                continue;
            }

            for (var i = 0; i < combo.Components.Count; i++)
            {
                var c = combo.Components[i];
                Require(c.MaterialNumber, $"{path}.components[{i}].materialNumber", "the ERP material");
                Require(c.UnitNumber, $"{path}.components[{i}].unitNumber", "the ERP unit");
                if (c.Quantity < 1)
                {
                    errors.Add(new ProfileError($"{path}.components[{i}].quantity", "must be at least 1"));
                }

                if (c.ListPriceFen < 0)
                {
                    errors.Add(new ProfileError($"{path}.components[{i}].listPriceFen", "cannot be negative"));
                }
            }
        }

        if (profile.Freight is { Mode: FreightMode.ChargeLine } freight)
        {
            Require(freight.MaterialNumber, "$.freight.materialNumber", "the ERP charge material of the freight line");
            Require(freight.UnitNumber, "$.freight.unitNumber", "the ERP unit of the freight line");
        }
        else if (profile.Freight is null)
        {
            errors.Add(new ProfileError("$.freight", "must be an object such as {\"mode\": \"Allocate\"}"));
        }

        for (var i = 0; i < profile.GiftRules.Count; i++)
        {
            var g = profile.GiftRules[i];
            var path = $"$.giftRules[{i}]";
            Require(g.TriggerSku, $"{path}.triggerSku", "the SKU that triggers the gift");
            Require(g.GiftMaterial, $"{path}.giftMaterial", "the gift's ERP material");
            Require(g.GiftUnit, $"{path}.giftUnit", "the gift's ERP unit");
            if (g.GiftQuantity < 1 || g.PerQuantity < 1)
            {
                errors.Add(new ProfileError(path, "giftQuantity and perQuantity must be at least 1"));
            }
        }

        foreach (var (erpCarrier, platformCarrier) in profile.Carriers ?? new Dictionary<string, string>())
        {
            Require(erpCarrier, $"$.carriers['{erpCarrier}']", "the ERP carrier");
            Require(platformCarrier, $"$.carriers['{erpCarrier}']", "the platform carrier code");
            if (profile.Platform == PlatformNames.Kuaishou && !string.IsNullOrWhiteSpace(platformCarrier) && !long.TryParse(platformCarrier, out _))
            {
                errors.Add(new ProfileError($"$.carriers['{erpCarrier}']", "快手 expressCode is a number"));
            }
        }

        foreach (var code in (profile.StatusMap ?? new Dictionary<string, Orders.OrderStatus>()).Keys.Where(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ProfileError($"$.statusMap['{code}']", "the platform status code is required"));
        }

        foreach (var tag in profile.CustomFieldMap.Keys.Where(t => !MarketingTags.Contains(t)))
        {
            errors.Add(new ProfileError($"$.customFieldMap['{tag}']", $"unknown tag; use one of {string.Join(", ", MarketingTags)}"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Rules.Count; i++)
        {
            var rule = profile.Rules[i];
            var path = $"$.rules[{i}]";
            Require(rule.Name, $"{path}.name", "a rule name");
            Require(rule.Reason, $"{path}.reason", "a reason people will read");
            if (!string.IsNullOrWhiteSpace(rule.Name) && !names.Add(rule.Name))
            {
                errors.Add(new ProfileError($"{path}.name", $"'{rule.Name}' is used by another rule"));
            }

            if (rule.When is null)
            {
                errors.Add(new ProfileError($"{path}.when", "a condition is required"));
            }
            else
            {
                ValidateCondition(rule.When, $"{path}.when", errors);
            }
        }

        return errors;
    }

    private static void ValidateCondition(Condition condition, string path, List<ProfileError> errors)
    {
        var kinds = new[] { condition.All is not null, condition.Any is not null, condition.Not is not null, condition.Field is not null }.Count(k => k);
        if (kinds != 1)
        {
            errors.Add(new ProfileError(path, "give exactly one of field/op/value, all, any or not"));
            return;
        }

        if (condition.All is { } all || condition.Any is not null)
        {
            var list = condition.All ?? condition.Any!;
            var name = condition.All is not null ? "all" : "any";
            if (list.Count == 0)
            {
                errors.Add(new ProfileError($"{path}.{name}", "needs at least one condition"));
            }

            for (var i = 0; i < list.Count; i++)
            {
                ValidateCondition(list[i], $"{path}.{name}[{i}]", errors);
            }

            return;
        }

        if (condition.Not is { } not)
        {
            ValidateCondition(not, $"{path}.not", errors);
            return;
        }

        if (!OrderFacts.Fields.ContainsKey(condition.Field!))
        {
            errors.Add(new ProfileError($"{path}.field", $"unknown field '{condition.Field}'; known fields: {string.Join(", ", OrderFacts.Names)}"));
        }

        var op = condition.Op ?? "eq";
        if (!RuleEvaluator.Operators.Contains(op))
        {
            errors.Add(new ProfileError($"{path}.op", $"unknown operator '{op}'; use one of {string.Join(", ", RuleEvaluator.Operators)}"));
            return;
        }

        var kind = condition.Value?.ValueKind;
        var problem = op switch
        {
            "in" or "notIn" when kind != JsonValueKind.Array => "needs a list value",
            "gt" or "gte" or "lt" or "lte" when kind != JsonValueKind.Number || !condition.Value!.Value.TryGetInt64(out _) => "needs a whole-number value",
            "contains" when kind != JsonValueKind.String => "needs a text value",
            "eq" or "ne" when condition.Value is null => "needs a value",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new ProfileError($"{path}.value", $"'{op}' {problem}"));
        }
    }
}

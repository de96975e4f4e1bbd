namespace ServerlessSync.Domain.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the mapping planner: any order (extreme quantities and amounts, unknown SKUs, gifts) through
/// any profile the validator accepts (combos, gift rules, merchant rules of any field, operator and value) is planned
/// (document, hold or quarantine) without an exception and within the allocation bound.
/// </summary>
public sealed class PlannerFuzzTests
{
    private static readonly string[] Codes = ["SKU-A", "SKU-B", "SKU-C", "SKU-G", "SKU-X", ""];
    private static readonly string[] Fields = [.. OrderFacts.Names, "bogus"];
    private static readonly string[] Operators = [.. RuleEvaluator.Operators, "bogus"];
    private static readonly string[] Values = ["1", "-1", "0", "1e30", "\"x\"", "\"SKU-A\"", "true", "null", "[]", "[1,\"a\",null]", "{}", "9223372036854775807"];

    private static readonly Gen<int> Quantities = Gen.Frequency((6, Gen.Int[-2, 60]), (1, Gen.Const(int.MaxValue)), (1, Gen.Int[1_000_000, int.MaxValue]));
    private static readonly Gen<long> Amounts = Gen.Frequency((6, Gen.Long[-1_000, 5_000_000]), (1, Gen.Const(long.MaxValue)), (1, Gen.Const(long.MinValue)), (1, Gen.Long[long.MaxValue / 4, long.MaxValue]));

    private static readonly Gen<OrderLine> Lines =
        Gen.Select(Gen.Int[0, Codes.Length - 1], Quantities, Amounts, Gen.Bool, Gen.Long[0, 100_000])
            .Select((code, quantity, paid, gift, unit) => new OrderLine
            {
                LineId = $"L-{code}-{quantity}-{paid}",
                SkuId = "sku-" + Codes[code],
                MerchantCode = Codes[code],
                Quantity = quantity,
                UnitPriceFen = unit,
                PaidAmountFen = paid,
                IsGift = gift,
            });

    private static readonly Gen<Order> Orders =
        Gen.Select(Lines.Array[0, 8], Amounts, Amounts, Gen.Bool, Amounts)
            .Select((lines, freight, discount, noReceiver, paid) => Order() with
            {
                Lines = lines,
                PaidAmountFen = paid,
                FreightFen = freight,
                DiscountFen = discount,
                Receiver = noReceiver ? MaskedReceiver.Empty : new MaskedReceiver("张**", "138****0000", null, null, null, "***"),
            });

    private static readonly Gen<Condition> Leaf =
        Gen.Select(Gen.Int[0, Fields.Length - 1], Gen.Int[0, Operators.Length - 1], Gen.Int[0, Values.Length - 1])
            .Select((f, o, v) => new Condition { Field = Fields[f], Op = Operators[o], Value = JsonDocument.Parse(Values[v]).RootElement.Clone() });

    private static readonly Gen<Condition> Conditions =
        Gen.Frequency((4, Leaf), (1, Leaf.Array[0, 3].Select(all => new Condition { All = all })), (1, Leaf.Array[0, 3].Select(any => new Condition { Any = any })), (1, Leaf.Select(c => new Condition { Not = c })));

    private static readonly Gen<MappingProfile> Profiles =
        Gen.Select(
                Gen.Select(Gen.Int[-1, 1_000], Amounts, Gen.Int[0, 2]).Array[0, 4],
                Gen.Select(Gen.Int[-1, 10], Gen.Int[-1, 10]).Array[0, 2],
                Gen.Select(Conditions, Gen.Int[0, 2]).Array[0, 4],
                Gen.Bool,
                Gen.Int[0, 2])
            .Select((components, gifts, rules, requireReceiver, allocation) => Profile() with
            {
                Combos = components.Length == 0 ? new Dictionary<string, ComboMapping>() : new Dictionary<string, ComboMapping>
                {
                    ["SKU-C"] = new(components.Select((c, i) => new ComboComponent($"MAT-C{i}", "Pcs", c.Item1, c.Item2)).ToList(), (AllocationBasis)components[0].Item3),
                },
                GiftRules = gifts.Select(g => new GiftRule("SKU-A", "MAT-G", "Pcs", g.Item1, g.Item2)).ToList(),
                Rules = rules.Select((r, i) => new RuleDefinition($"rule {i}", r.Item1, (RuleOutcome)r.Item2, "fuzz")).ToList(),
                RequireReceiver = requireReceiver,
                PriceAllocation = (AllocationBasis)allocation,
            });

    [Fact]
    public void Any_order_through_any_valid_profile_is_planned_without_an_exception()
    {
        var planned = 0;
        Gen.Select(Orders, Profiles).Sample((order, profile) =>
        {
            if (ProfileValidator.Validate(profile).Count > 0)
            {
                return;
            }

            planned++;
            FuzzBounds.Check(order.Lines.Count * 64, () => OrderPlanner.Plan(order, profile), () => $"lines {string.Join(", ", order.Lines.Select(l => $"{l.MerchantCode}×{l.Quantity}={l.PaidAmountFen}"))}; paid {order.PaidAmountFen}; combos {JsonSerializer.Serialize(profile.Combos)}; gift rules {profile.GiftRules.Count}; rules {profile.Rules.Count}");
        }, iter: 3_000, threads: 1);

        Assert.True(planned > 500, $"only {planned} generated profiles were valid: the generator no longer reaches the planner");
    }
}

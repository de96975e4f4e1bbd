using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Rules;

namespace ServerlessSync.Domain.Mapping;

/// <summary>The result of mapping an order: an ERP document, or why it must wait (quarantine for a person, or hold).</summary>
public sealed record PlanResult(ErpSalesOrder? Document, IReadOnlyList<string> QuarantineReasons, IReadOnlyList<string> UnmappedSkus)
{
    public IReadOnlyList<string> HoldReasons { get; init; } = [];

    public bool IsQuarantined => QuarantineReasons.Count > 0;

    public bool IsHeld => !IsQuarantined && HoldReasons.Count > 0;

    public static PlanResult Quarantine(IReadOnlyList<string> reasons, IReadOnlyList<string> unmapped) => new(null, reasons, unmapped);
}

/// <summary>
/// Maps a canonical order through a shop's mapping profile into an ERP sales order: SKU map, combos expanded
/// with exact price allocation, gift lines and gift rules, shop → customer/org/warehouse, marketing tags →
/// custom fields; then the profile's rules (built-in and the merchant's own) decide pass, quarantine or hold.
/// </summary>
public static class OrderPlanner
{
    /// <summary>The platform line id of the freight charge line.</summary>
    public const string FreightLineId = "freight";

    /// <summary>Amounts or quantities no real order has (sums beyond a 64-bit fen count) quarantine the order for a person.</summary>
    public const string OutOfRangeReason = "the order's amounts or quantities are out of range";

    /// <summary>The order as this shop reads it: the profile's status map may override what a platform status code means.</summary>
    public static Order WithShopStatus(Order order, MappingProfile profile) =>
        profile.StatusMap.TryGetValue(order.PlatformStatus, out var mapped) ? order with { Status = mapped } : order;

    public static PlanResult Plan(Order order, MappingProfile profile)
    {
        try
        {
            return PlanChecked(order, profile);
        }
        catch (OverflowException)
        {
            return PlanResult.Quarantine([OutOfRangeReason], []);
        }
        catch (RuleEvaluationException ex)
        {
            return PlanResult.Quarantine([$"a rule of the profile cannot be evaluated: {ex.Message}"], []);
        }
    }

    private static PlanResult PlanChecked(Order order, MappingProfile profile)
    {
        var negative = order.Lines.Where(l => l.PaidAmountFen < 0 || l.Quantity < 0).Select(l => $"line {l.LineId} has a negative amount or quantity").ToList();
        if (negative.Count > 0)
        {
            return PlanResult.Quarantine(negative, []);
        }

        var unmapped = new List<string>();
        var lines = new List<ErpSalesOrderLine>();
        foreach (var line in order.Lines)
        {
            var mapped = MapLine(line, profile);
            if (mapped is null)
            {
                unmapped.Add(line.MerchantCode ?? line.SkuId);
                continue;
            }

            lines.AddRange(mapped);
        }

        lines.AddRange(GiftRuleLines(order, profile));
        var moneyProblems = unmapped.Count == 0 ? FreightAndTotal(order, profile, lines) : [];

        var rules = BuiltInRules.For(profile, order, unmapped).Concat(profile.Rules);
        var verdict = RuleEvaluator.Evaluate(rules, order, unmapped);
        var noLines = order.Lines.Count == 0 ? ["order has no lines"] : Array.Empty<string>();
        if (verdict.Outcome == RuleOutcome.Quarantine || noLines.Length > 0 || moneyProblems.Count > 0)
        {
            var reasons = noLines.Concat(verdict.Outcome == RuleOutcome.Quarantine ? verdict.Reasons : []).Concat(moneyProblems).Distinct().ToList();
            return PlanResult.Quarantine(reasons, unmapped);
        }

        var document = new ErpSalesOrder
        {
            ExternalOrderNo = order.Key.OrderId,
            Platform = order.Key.Platform,
            ShopId = order.Key.ShopId,
            CustomerNumber = profile.CustomerNumber,
            SalesOrgNumber = profile.SalesOrgNumber,
            SalesmanNumber = profile.SalesmanNumber,
            OrderDate = order.PaidAt ?? order.CreatedAt,
            TotalAmountFen = lines.Sum(l => l.AmountFen),
            FreightFen = order.FreightFen,
            MerchantDiscountFen = order.MerchantDiscountFen,
            PlatformSubsidyFen = order.PlatformSubsidyFen,
            Note = OrderNote.For(order),
            Lines = lines,
            CustomFields = MarketingFields(order, profile),
        };
        return new PlanResult(document, [], unmapped) { HoldReasons = verdict.Outcome == RuleOutcome.Hold ? verdict.Reasons : [] };
    }

    /// <summary>
    /// Puts the freight on the lines as the profile says (its own charge line, or spread over the paid goods lines) and
    /// checks the ERP order then totals exactly what the buyer paid. Returns why not, when it cannot.
    /// </summary>
    private static List<string> FreightAndTotal(Order order, MappingProfile profile, List<ErpSalesOrderLine> lines)
    {
        var problems = new List<string>();
        if (order.FreightFen < 0)
        {
            problems.Add($"freight {order.FreightFen} fen is negative");
        }
        else if (order.FreightFen > 0 && profile.Freight.Mode == FreightMode.ChargeLine)
        {
            lines.Add(new ErpSalesOrderLine
            {
                MaterialNumber = profile.Freight.MaterialNumber ?? "",
                UnitNumber = profile.Freight.UnitNumber ?? "",
                Quantity = 1,
                AmountFen = order.FreightFen,
                IsGift = false,
                IsFreight = true,
                WarehouseNumber = profile.Freight.Warehouse ?? profile.DefaultWarehouse,
                TaxRatePercent = profile.TaxRatePercent,
                PlatformLineId = FreightLineId,
            });
        }
        else if (order.FreightFen > 0)
        {
            var paid = Enumerable.Range(0, lines.Count).Where(i => !lines[i].IsGift && lines[i].AmountFen > 0).ToList();
            if (paid.Count == 0)
            {
                problems.Add($"freight {order.FreightFen} fen cannot be allocated: the order has no paid goods line (map freight to a charge line)");
            }
            else
            {
                var shares = PriceAllocator.Allocate(order.FreightFen, paid.Select(i => lines[i].AmountFen).ToList());
                for (var k = 0; k < paid.Count; k++)
                {
                    lines[paid[k]] = lines[paid[k]] with { AmountFen = lines[paid[k]].AmountFen + shares[k] };
                }
            }
        }

        var total = lines.Sum(l => l.AmountFen);
        // When the order's own figures disagree, the built-in amount-mismatch rule already says so.
        var figuresAgree = order.PaidAmountFen - order.FreightFen == order.LinesPaidFen;
        if (problems.Count == 0 && figuresAgree && total != order.PaidAmountFen)
        {
            problems.Add($"the ERP order would total {total} fen but the buyer paid {order.PaidAmountFen} fen");
        }

        return problems;
    }

    private static IReadOnlyList<ErpSalesOrderLine>? MapLine(OrderLine line, MappingProfile profile)
    {
        var amount = line.IsGift ? 0 : line.PaidAmountFen;
        if (Find(profile.Combos, line) is { } combo)
        {
            return ExpandCombo(line, combo, amount, profile);
        }

        if (Find(profile.Skus, line) is not { } sku)
        {
            return null;
        }

        return [new ErpSalesOrderLine
        {
            MaterialNumber = sku.MaterialNumber,
            UnitNumber = sku.UnitNumber,
            Quantity = line.Quantity,
            AmountFen = amount,
            IsGift = line.IsGift || amount == 0,
            WarehouseNumber = sku.Warehouse ?? profile.DefaultWarehouse,
            TaxRatePercent = profile.TaxRatePercent,
            PlatformLineId = line.LineId,
        }];
    }

    /// <summary>
    /// How one combo line's paid amount is split over the combo's components, exact to the fen, by the combo's basis or
    /// else <paramref name="profileBasis"/>. The mapping workbench previews a combo's split with this too.
    /// </summary>
    public static long[] ComboShares(ComboMapping combo, AllocationBasis profileBasis, long amountFen)
    {
        ArgumentNullException.ThrowIfNull(combo);
        var basis = combo.Basis ?? profileBasis;
        var weights = combo.Components.Select(c => basis switch
        {
            AllocationBasis.Quantity => (long)c.Quantity,
            AllocationBasis.Equal => 1L,
            _ => checked(c.ListPriceFen * c.Quantity),
        }).ToList();
        return PriceAllocator.Allocate(amountFen, weights);
    }

    private static List<ErpSalesOrderLine> ExpandCombo(OrderLine line, ComboMapping combo, long amountFen, MappingProfile profile)
    {
        var shares = ComboShares(combo, profile.PriceAllocation, amountFen);
        return combo.Components.Select((c, i) => new ErpSalesOrderLine
        {
            MaterialNumber = c.MaterialNumber,
            UnitNumber = c.UnitNumber,
            Quantity = checked(c.Quantity * line.Quantity),
            AmountFen = shares[i],
            IsGift = line.IsGift || shares[i] == 0,
            WarehouseNumber = c.Warehouse ?? profile.DefaultWarehouse,
            TaxRatePercent = profile.TaxRatePercent,
            PlatformLineId = line.LineId,
        }).ToList();
    }

    private static IEnumerable<ErpSalesOrderLine> GiftRuleLines(Order order, MappingProfile profile)
    {
        foreach (var rule in profile.GiftRules)
        {
            var bought = order.Lines.Where(l => !l.IsGift && (l.SkuId == rule.TriggerSku || l.MerchantCode == rule.TriggerSku)).Sum(l => l.Quantity);
            var gifts = rule.PerQuantity > 0 ? checked(bought / rule.PerQuantity * rule.GiftQuantity) : 0;
            if (gifts > 0)
            {
                yield return new ErpSalesOrderLine
                {
                    MaterialNumber = rule.GiftMaterial,
                    UnitNumber = rule.GiftUnit,
                    Quantity = gifts,
                    AmountFen = 0,
                    IsGift = true,
                    WarehouseNumber = rule.Warehouse ?? profile.DefaultWarehouse,
                    TaxRatePercent = profile.TaxRatePercent,
                    PlatformLineId = $"gift-rule:{rule.TriggerSku}",
                };
            }
        }
    }

    /// <summary>The profile entry of a platform line: by SKU id first, then by merchant code.</summary>
    internal static T? Find<T>(IReadOnlyDictionary<string, T> map, OrderLine line)
        where T : class =>
        map.TryGetValue(line.SkuId, out var bySku) ? bySku
        : line.MerchantCode is not null && map.TryGetValue(line.MerchantCode, out var byCode) ? byCode
        : null;

    private static Dictionary<string, string> MarketingFields(Order order, MappingProfile profile)
    {
        var anchorLine = order.Lines.FirstOrDefault(l => l.AnchorId is not null);
        var tags = new Dictionary<string, string?>
        {
            ["anchorId"] = order.Tags.AnchorId ?? anchorLine?.AnchorId,
            ["anchorName"] = order.Tags.AnchorName ?? anchorLine?.AnchorName,
            ["liveRoomId"] = order.Tags.LiveRoomId ?? order.Lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId,
            ["channel"] = order.Tags.Channel,
        };
        var fields = new Dictionary<string, string>();
        foreach (var (tag, value) in tags)
        {
            if (value is not null)
            {
                // With a custom-field map the ERP field name comes from the profile; without one the tag name is passed
                // on and each ERP builder uses its own default field for it.
                fields[profile.CustomFieldMap.TryGetValue(tag, out var field) ? field : tag] = value;
            }
        }

        return fields;
    }
}

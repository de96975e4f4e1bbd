using ServerlessSync.Domain.Rules;

namespace ServerlessSync.Domain.Mapping;

/// <summary>
/// The rules every profile gets, written in the same rule language merchants use for their own: unmapped SKU,
/// paid amount ≠ sum of lines, blocked buyer and (when the profile requires it) missing receiver.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<RuleDefinition> For(MappingProfile profile, Order order, IReadOnlyList<string> unmappedSkus)
    {
        var rules = new List<RuleDefinition>
        {
            new("unmapped SKU", Compare("unmappedSkuCount", "gt", 0), RuleOutcome.Quarantine, $"no ERP material for {string.Join(", ", unmappedSkus)}"),
            new("amount mismatch", Compare("amountMismatchFen", "ne", 0), RuleOutcome.Quarantine, $"paid amount {order.PaidAmountFen - order.FreightFen} fen (freight excluded) differs from the sum of the lines {order.LinesPaidFen} fen"),
        };
        if (profile.BlockedBuyers.Count > 0)
        {
            rules.Add(new("blocked buyer", Compare("buyerOpenId", "in", profile.BlockedBuyers), RuleOutcome.Quarantine, "the buyer is on the shop's blocked list"));
        }

        if (profile.RequireReceiver)
        {
            rules.Add(new("missing receiver", Compare("receiverMissing", "eq", true), RuleOutcome.Quarantine, "the order has no receiver"));
        }

        return rules;
    }

    private static Condition Compare<T>(string field, string op, T value) =>
        new() { Field = field, Op = op, Value = JsonSerializer.SerializeToElement(value) };
}

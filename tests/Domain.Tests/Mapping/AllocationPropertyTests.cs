namespace ServerlessSync.Domain.Tests.Mapping;

/// <summary>Property tests: for arbitrary combos, quantities and discounts the ERP lines sum exactly, to the fen.</summary>
public sealed class AllocationPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_combo_any_quantity_any_discount_gives_lines_that_sum_exactly_to_what_was_paid(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 300; run++)
        {
            var components = Enumerable.Range(0, random.Next(1, 6))
                .Select(i => new ComboComponent($"MAT-{i}", "Pcs", random.Next(1, 5), random.Next(0, 100_000)))
                .ToList();
            var basis = (AllocationBasis)random.Next(0, 3);
            var quantity = random.Next(1, 20);
            var listTotal = components.Sum(c => c.ListPriceFen * c.Quantity) * quantity;
            // Discounts of 0–100 %: coupons, 满减, anchor subsidies; sometimes more than the list price is paid (freight folded in).
            var paid = (long)(Math.Max(1, listTotal) * random.NextDouble() * 1.2);
            var profile = Profile() with { Combos = new Dictionary<string, ComboMapping> { ["SKU-C"] = new(components, basis) } };
            var other = random.Next(0, 2) == 1 ? new[] { Line("L0", "SKU-A", random.Next(1, 4), random.Next(0, 50_000)) } : [];

            var plan = OrderPlanner.Plan(Order([.. other, Line("L1", "SKU-C", quantity, paid)]), profile);

            Assert.False(plan.IsQuarantined, string.Join("; ", plan.QuarantineReasons));
            var comboLines = plan.Document!.Lines.Where(l => l.PlatformLineId == "L1").ToList();
            Assert.Equal(paid, comboLines.Sum(l => l.AmountFen));
            Assert.All(comboLines, l => Assert.True(l.AmountFen >= 0));
            Assert.Equal(components.Select(c => c.Quantity * quantity), comboLines.Select(l => l.Quantity));
            Assert.Equal(plan.Document.TotalAmountFen, plan.Document.Lines.Sum(l => l.AmountFen));
            Assert.Equal(other.Sum(l => l.PaidAmountFen) + paid, plan.Document.TotalAmountFen);
        }
    }
}

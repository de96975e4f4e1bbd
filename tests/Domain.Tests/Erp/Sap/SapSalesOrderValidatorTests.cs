using static ServerlessSync.Domain.Tests.Erp.ErpTestOrders;
using static ServerlessSync.Domain.Tests.Erp.Sap.SapTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.Sap;

public sealed class SapSalesOrderValidatorTests
{
    [Fact]
    public void A_mapped_order_passes()
    {
        Assert.Empty(SapSalesOrderValidator.Validate(DouyinOrder(Line("MAT-LIP-01", 3, 10000), Line("MAT-MASK-10", 1, 0, gift: true)), Settings));
    }

    [Fact]
    public void Values_longer_than_sap_fields_are_refused_rather_than_cut()
    {
        var order = DouyinOrder(Line("MAT-LIP-01", 1, 100)) with { ExternalOrderNo = new string('9', 36), CustomerNumber = "CUSTOMER-NOT-MAPPED" };

        var problems = SapSalesOrderValidator.Validate(order, Settings with { Units = new Dictionary<string, string>() , Plant = "10100" });

        Assert.Contains(problems, p => p.Contains("PurchaseOrderByCustomer", StringComparison.Ordinal) && p.Contains("35", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("sold-to party 'CUSTOMER-NOT-MAPPED'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("plant", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("unit", StringComparison.Ordinal)); // "Pcs" fits 3 characters unmapped
        Assert.Throws<ArgumentException>(() => SapSalesOrderBuilder.Build(order, Settings));
    }

    [Fact]
    public void Amount_rules_are_checked()
    {
        var gift = DouyinOrder(Line("MAT-MASK-10", 1, 500, gift: true));
        var total = DouyinOrder(Line("MAT-LIP-01", 1, 100)) with { TotalAmountFen = 101 };
        var quantity = DouyinOrder(Line("MAT-LIP-01", 0, 0));

        Assert.Contains(SapSalesOrderValidator.Validate(gift, Settings), p => p.Contains("gift", StringComparison.Ordinal));
        Assert.Contains(SapSalesOrderValidator.Validate(total, Settings), p => p.Contains("101 fen", StringComparison.Ordinal));
        Assert.Contains(SapSalesOrderValidator.Validate(quantity, Settings), p => p.Contains("quantity must be positive", StringComparison.Ordinal));
    }
}

namespace ServerlessSync.Simulators.Tests.Douyin;

public sealed class DouyinOrderGeneratorTests
{
    private static DouyinOrderStore NewStore() => new(new DouyinSimulatorOptions(), TimeProvider.System);

    [Fact]
    public void Orders_have_unique_increasing_19_digit_ids_and_consistent_money()
    {
        var orders = NewStore().CreateOrders(300, random: new Random(7));

        var ids = orders.Select(o => long.Parse(o.OrderId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(orders, o => Assert.Equal(19, o.OrderId.Length));
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(orders, o =>
        {
            Assert.InRange(o.Lines.Count(l => l.GivenProductType != "FREE"), 1, 3);
            Assert.All(o.Lines, l => Assert.InRange(l.ItemNum, 1, 3));
            Assert.All(o.Lines, l => Assert.Equal(l.OriginAmount * l.ItemNum - l.PromotionAmount - l.PlatformPromotionAmount, l.PayAmount));
            Assert.Equal(o.ShopCostAmount + o.PlatformCostAmount, o.PromotionAmount);
            Assert.All(o.Lines, l => Assert.InRange(l.PayAmount, 0, l.SumAmount));
            Assert.Equal(o.Lines.Sum(l => l.PayAmount) + o.PostAmount, o.PayAmount);
            Assert.Equal(o.OrderId, o.Lines[0].OrderId);
            Assert.Equal(DouyinSimStatus.Paid, o.OrderStatus);
            Assert.Equal(DemoCatalog.ShopId, o.ShopId);
        });
        Assert.Contains(orders, o => o.PlatformCostAmount > 0);
        Assert.Contains(orders, o => o.PostAmount > 0);
    }

    [Fact]
    public void Every_order_was_created_paid_and_last_updated_before_now_so_a_window_ending_now_lists_it()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var orders = NewStore().CreateOrders(500, random: new Random(13));

        Assert.All(orders, o =>
        {
            Assert.True(o.CreateTime < o.PayTime, $"order {o.OrderId} was paid before it was created");
            Assert.Equal(o.PayTime, o.UpdateTime);
            Assert.True(o.UpdateTime <= now - 5, $"order {o.OrderId} was updated {o.UpdateTime - now} s from now");
        });
    }

    [Fact]
    public void Some_orders_carry_a_free_gift_bound_to_a_master_line()
    {
        var orders = NewStore().CreateOrders(300, random: new Random(11));

        var withGift = orders.Where(o => o.Lines.Any(l => l.GivenProductType == "FREE")).ToList();
        Assert.InRange(withGift.Count, 20, 120);
        Assert.All(withGift, o =>
        {
            var gift = o.Lines.Single(l => l.GivenProductType == "FREE");
            Assert.Equal(0, gift.OriginAmount);
            Assert.Equal(0, gift.PayAmount);
            var master = Assert.Single(gift.MasterSkuOrderIds);
            Assert.Equal("MASTER", o.Lines.Single(l => l.OrderId == master).GivenProductType);
        });
    }

    [Fact]
    public void Receiver_is_masked_and_the_cipher_texts_differ_per_order()
    {
        var orders = NewStore().CreateOrders(50, random: new Random(3));

        Assert.All(orders, o =>
        {
            Assert.Matches("^.\\*\\*$", o.Receiver.MaskName);
            Assert.Matches("^1\\d\\d\\*\\*\\*\\*\\d{4}$", o.Receiver.MaskTel);
            Assert.DoesNotContain(o.Receiver.MaskName, o.Receiver.EncryptName, StringComparison.Ordinal);
        });
        Assert.Equal(orders.Count, orders.Select(o => o.Receiver.EncryptTel).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_makes_the_same_orders_apart_from_ids()
    {
        var a = NewStore().CreateOrders(20, random: new Random(5));
        var b = NewStore().CreateOrders(20, random: new Random(5));

        Assert.Equal(
            a.Select(o => (o.PayAmount, o.Lines.Count, o.Receiver.MaskTel)),
            b.Select(o => (o.PayAmount, o.Lines.Count, o.Receiver.MaskTel)));
    }

    [Fact]
    public void Status_changes_are_visible_and_move_the_update_time()
    {
        var store = NewStore();
        var order = store.CreateOrders(1).Single();

        var cancelled = store.SetStatus(order.OrderId, DouyinSimStatus.Cancelled);

        Assert.Equal(DouyinSimStatus.Cancelled, store.Find(order.OrderId)!.OrderStatus);
        Assert.True(cancelled!.UpdateTime > order.UpdateTime);
        Assert.Null(store.SetStatus("6900000000000000000", DouyinSimStatus.Cancelled));
    }
}

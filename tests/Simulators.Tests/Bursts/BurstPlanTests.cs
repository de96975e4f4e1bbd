namespace ServerlessSync.Simulators.Tests.Bursts;

public sealed class BurstPlanTests
{
    public static TheoryData<TestPlan, string> InvalidPlans => new()
    {
        { new TestPlan { Orders = 0 }, "orders must be between 1 and 100000." },
        { new TestPlan { RatePerSecond = 10_001 }, "ratePerSecond must be above 0 and at most 10000." },
        { new TestPlan { DuplicateRate = -0.1 }, "duplicateRate must be between 0 and 1." },
        { new TestPlan { OutOfOrderRate = 1.5 }, "outOfOrderRate must be between 0 and 1." },
        { new TestPlan { DropRate = double.NaN }, "dropRate must be between 0 and 1." },
        { new TestPlan { MaxConcurrency = 257 }, "maxConcurrency must be between 1 and 256." },
        { new TestPlan { Timeout = TimeSpan.Zero }, "timeout must be positive and at most 00:30:00." },
        { new TestPlan { WebhookUrl = "ftp://127.0.0.1/x" }, "webhookUrl must be an absolute http(s) URL." },
    };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public void An_out_of_range_value_is_refused_with_its_message(TestPlan plan, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => plan.Validate()).Message);

    [Fact]
    public void The_default_timeout_is_the_schedule_plus_a_minute_at_most_half_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(62), new TestPlan { Orders = 100, RatePerSecond = 50 }.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromMinutes(30), new TestPlan { Orders = 100_000, RatePerSecond = 1 }.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), new TestPlan { Timeout = TimeSpan.FromSeconds(5) }.EffectiveTimeout);
    }

    [Theory]
    [InlineData("1234567890123456789", null)]
    [InlineData("12345678901234567890", "shopId must be a numeric 抖店 shop id.")]
    [InlineData("", "shopId must be a numeric 抖店 shop id.")]
    [InlineData("12a", "shopId must be a numeric 抖店 shop id.")]
    public void Douyin_takes_a_shop_id_of_up_to_19_digits(string shopId, string? error) =>
        Assert.Equal(error, ValidationError(() => new DouyinBurstPlan { ShopId = shopId, WebhookUrl = TestPlan.NowhereUrl }.Validate()));

    [Theory]
    [InlineData("123456789012345678", null)]
    [InlineData("1234567890123456789", "shopId must be a numeric 快手 seller id.")]
    [InlineData("x", "shopId must be a numeric 快手 seller id.")]
    public void Kuaishou_takes_a_seller_id_of_up_to_18_digits(string shopId, string? error) =>
        Assert.Equal(error, ValidationError(() => new KuaishouBurstPlan { ShopId = shopId, WebhookUrl = TestPlan.NowhereUrl }.Validate()));

    [Fact]
    public void The_shop_id_is_checked_before_the_webhook_and_WeChat_has_none()
    {
        Assert.Equal("shopId must be a numeric 抖店 shop id.", ValidationError(() => new DouyinBurstPlan { ShopId = "x" }.Validate()));
        Assert.Null(ValidationError(() => new WeChatBurstPlan { WebhookUrl = TestPlan.NowhereUrl }.Validate()));
    }

    [Fact]
    public void A_with_expression_keeps_the_platform_plan_and_its_fields()
    {
        var plan = new DouyinBurstPlan { ShopId = "7", Orders = 3 };

        var changed = plan with { WebhookUrl = TestPlan.NowhereUrl };

        Assert.Equal(("7", 3, TestPlan.NowhereUrl), (changed.ShopId, changed.Orders, changed.WebhookUrl));
    }

    private static string? ValidationError(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}

namespace ServerlessSync.Browser.Tests;

/// <summary>
/// The mapping workbench's gift-rule, hold-rule and status-map forms in headless chromium, one page load each: a mistake
/// is shown with the rule language's message beside the field it is about, and the corrected edit is saved as version 2.
/// </summary>
public sealed class MappingRuleFormsTests(ITestOutputHelper output)
{
    private static async Task<(TestHub Hub, BrowserPage Browser, IPage Page)> OpenAsync(ITestOutputHelper output)
    {
        var hub = await TestHub.StartAsync();
        var browser = await BrowserPage.OpenAsync(output);
        await browser.Page.GotoAsync($"{hub.HubUrl}/api/console?platform=douyin&shop={DemoCatalog.ShopId}#token={hub.AdminToken}");
        await browser.Page.FillAsync("#map-shop", DemoCatalog.ShopId);
        await browser.Page.ClickAsync("#map-load");
        await Assertions.Expect(browser.Page.Locator("#map-version")).ToContainTextAsync("v1");
        return (hub, browser, browser.Page);
    }

    private static async Task SaveAsync(IPage page, string comment)
    {
        await page.FillAsync("#map-comment", comment);
        await page.ClickAsync("#map-save");
    }

    [Fact]
    public async Task A_gift_rule_with_a_zero_quantity_shows_the_message_at_the_rule_and_the_corrected_rule_is_saved()
    {
        var (hub, browser, page) = await OpenAsync(output);
        await using (hub)
        await using (browser)
        {
            await page.ClickAsync("#map-gift-add");
            await page.FillAsync("[data-path=\"$.giftRules[0].triggerSku\"]", "SKU-LIP-01");
            await page.FillAsync("[data-path=\"$.giftRules[0].giftMaterial\"]", DemoCatalog.GiftMaterial);
            await page.FillAsync("[data-path=\"$.giftRules[0]\"]", "0");
            await SaveAsync(page, "买口红送小样 gift with lipstick");
            await Assertions.Expect(page.Locator(".field-error.inline[data-for=\"$.giftRules[0]\"]")).ToContainTextAsync("giftQuantity and perQuantity must be at least 1");

            await page.FillAsync("[data-path=\"$.giftRules[0]\"]", "1");
            await SaveAsync(page, "买口红送小样 gift with lipstick");
            await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Saved version v2");
            var gift = (await hub.DemoProfileAsync())["giftRules"]![0]!;
            Assert.Equal(("SKU-LIP-01", DemoCatalog.GiftMaterial, 1), (gift["triggerSku"]!.GetValue<string>(), gift["giftMaterial"]!.GetValue<string>(), gift["giftQuantity"]!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task A_hold_rule_on_an_unknown_field_without_a_reason_shows_both_messages_in_place_and_the_corrected_rule_is_saved()
    {
        var (hub, browser, page) = await OpenAsync(output);
        await using (hub)
        await using (browser)
        {
            await page.ClickAsync("#map-rule-add");
            await page.FillAsync("[data-path=\"$.rules[0].name\"]", "大额订单 big order");
            await page.FillAsync("[data-path=\"$.rules[0].when.field\"]", "paidAmount");
            await page.FillAsync("[data-path=\"$.rules[0].when.value\"]", "50000");
            await SaveAsync(page, "大额订单人工审核 hold big orders");
            await Assertions.Expect(page.Locator(".field-error.inline[data-for=\"$.rules[0].when.field\"]")).ToContainTextAsync("unknown field 'paidAmount'");
            await Assertions.Expect(page.Locator(".field-error.inline[data-for=\"$.rules[0].reason\"]")).ToContainTextAsync("a reason people will read is required");

            await page.FillAsync("[data-path=\"$.rules[0].when.field\"]", "paidAmountFen");
            await page.FillAsync("[data-path=\"$.rules[0].reason\"]", "超过500元人工审核 over ¥500 is checked by a person");
            await SaveAsync(page, "大额订单人工审核 hold big orders");
            await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Saved version v2");
            var rule = (await hub.DemoProfileAsync())["rules"]![0]!;
            Assert.Equal(("paidAmountFen", "gt", 50000L, "Hold"), (rule["when"]!["field"]!.GetValue<string>(), rule["when"]!["op"]!.GetValue<string>(), rule["when"]!["value"]!.GetValue<long>(), rule["outcome"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_status_without_a_platform_code_shows_the_message_at_the_code_and_the_corrected_mapping_is_saved()
    {
        var (hub, browser, page) = await OpenAsync(output);
        await using (hub)
        await using (browser)
        {
            await page.ClickAsync("#map-status-add");
            await page.SelectOptionAsync("select[data-path=\"$.statusMap['']\"]", "Completed");
            await SaveAsync(page, "已完成状态 completed status");
            await Assertions.Expect(page.Locator(".field-error.inline[data-for=\"$.statusMap['']\"]")).ToContainTextAsync("the platform status code is required");

            var code = page.Locator("input[data-path=\"$.statusMap['']\"]");
            await code.FillAsync("5");
            await code.PressAsync("Tab"); // the code is taken on change, as a person leaving the field does
            await Assertions.Expect(page.Locator("select[data-path=\"$.statusMap['5']\"]")).ToHaveValueAsync("Completed");
            await SaveAsync(page, "已完成状态 completed status");
            await Assertions.Expect(page.Locator("#map-message")).ToContainTextAsync("Saved version v2");
            Assert.Equal("Completed", (await hub.DemoProfileAsync())["statusMap"]!["5"]!.GetValue<string>());
        }
    }
}

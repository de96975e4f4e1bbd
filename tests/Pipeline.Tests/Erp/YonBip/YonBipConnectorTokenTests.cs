using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

public sealed class YonBipConnectorTokenTests
{
    [Fact]
    public async Task A_token_is_renewed_before_it_expires_so_no_call_meets_310036()
    {
        await using var h = await StartAsync(o => o.TokenLifetimeSeconds = 2);
        await h.Connector.FindByExternalOrderNoAsync("first", CancellationToken.None);

        await Task.Delay(1200);
        await h.Connector.FindByExternalOrderNoAsync("after-renew-point", CancellationToken.None);

        Assert.Equal(2, h.Calls("getAccessToken"));
        Assert.Equal(0, h.Sim.Metrics.Snapshot().SessionRejections);
    }

    [Fact]
    public void Registration_exposes_the_connector_and_validates_options()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:YonBip:BaseUrl"] = "http://127.0.0.1:1/yonbip",
            ["Erp:YonBip:AppKey"] = "k",
            ["Erp:YonBip:AppSecret"] = "s",
        }).Build();
        var badDefine = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:YonBip:BaseUrl"] = "http://127.0.0.1:1/yonbip",
            ["Erp:YonBip:AppKey"] = "k",
            ["Erp:YonBip:AppSecret"] = "s",
            ["Erp:YonBip:ExternalOrderNoDefine"] = "code",
        }).Build();
        using var goodServices = new ServiceCollection().AddLogging().AddYonBipErp(good).BuildServiceProvider();
        using var badServices = new ServiceCollection().AddLogging().AddYonBipErp(badDefine).BuildServiceProvider();

        Assert.Equal("YonBip", goodServices.GetRequiredService<IErpConnector>().Kind);
        var options = goodServices.GetRequiredService<IOptions<YonBipOptions>>().Value;
        Assert.Equal("SO01", options.TransactionTypeId);
        Assert.Equal("define13", options.ExternalOrderNoDefine);
        Assert.Equal("http://127.0.0.1:1/yonbip", options.TokenUri.AbsoluteUri);
        Assert.Throws<OptionsValidationException>(() => badServices.GetRequiredService<IErpConnector>());
    }
}

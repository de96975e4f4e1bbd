namespace ServerlessSync.Pipeline.Tests.Erp;

/// <summary>ERP URLs carry credentials (SAP Basic, Kingdee sessions, tokens): plain http is refused at start unless the host is loopback.</summary>
public sealed class ErpUrlSecurityTests
{
    [Theory]
    [InlineData("Kingdee", "http://erp.example.com/k3cloud/")]
    [InlineData("Sap", "http://10.0.0.5/sap")]
    [InlineData("YonBip", "http://yonbip.example.com")]
    [InlineData("Jushuitan", "http://open.example.com")]
    public void A_plain_http_erp_url_off_loopback_fails_start_with_a_clear_message(string kind, string url)
    {
        var error = Assert.ThrowsAny<Exception>(() => Validate(kind, url));

        Assert.Contains($"Erp:{kind}:BaseUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kingdee", "https://erp.example.com/k3cloud/")]
    [InlineData("Sap", "http://127.0.0.1:7080/sap")]
    [InlineData("YonBip", "http://localhost:7080/yonbip")]
    [InlineData("Jushuitan", "http://[::1]:7080/jushuitan")]
    public void Https_or_loopback_erp_urls_pass_the_https_check(string kind, string url)
    {
        var error = Record.Exception(() => Validate(kind, url));

        Assert.DoesNotContain("must use https", error?.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_yonbip_token_url_off_loopback_fails_start()
    {
        var error = Assert.ThrowsAny<Exception>(() => Validate("YonBip", "https://yonbip.example.com", ("Erp:YonBip:TokenUrl", "http://token.example.com")));

        Assert.Contains("Erp:YonBip:TokenUrl must use https", error.Message, StringComparison.Ordinal);
    }

    private static void Validate(string kind, string url, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?> { [$"Erp:{kind}:BaseUrl"] = url };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddLogging().AddErpConnector(kind, configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}

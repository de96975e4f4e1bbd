using Microsoft.ApplicationInsights.DataContracts;

namespace ServerlessSync.Pipeline.Tests.Telemetry;

public sealed class QueryStringRedactorTests
{
    [Fact]
    public void Dependency_urls_keep_their_path_and_parameter_names_but_lose_every_value()
    {
        var dependency = new DependencyTelemetry
        {
            Type = "Http",
            Name = "POST /order/orderDetail",
            Data = "https://openapi-fxg.jinritemai.com/order/orderDetail?app_key=7001&method=order.orderDetail&access_token=tok-secret&sign=abc123&timestamp=2026-11-25+10%3A00%3A00",
        };

        new QueryStringRedactor().Initialize(dependency);

        Assert.Equal(
            "https://openapi-fxg.jinritemai.com/order/orderDetail?app_key=REDACTED&method=REDACTED&access_token=REDACTED&sign=REDACTED&timestamp=REDACTED",
            dependency.Data);
        Assert.DoesNotContain("tok-secret", dependency.Data, StringComparison.Ordinal);
        Assert.Equal("POST /order/orderDetail", dependency.Name);
    }

    [Fact]
    public void Request_urls_lose_query_values_such_as_a_function_key()
    {
        var request = new RequestTelemetry { Url = new Uri("https://func.example/api/orders/douyin/1/2?code=function-key-value") };

        new QueryStringRedactor().Initialize(request);

        Assert.Equal("https://func.example/api/orders/douyin/1/2?code=REDACTED", request.Url.ToString());
    }

    [Theory]
    [InlineData("http://erp.example/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc")]
    [InlineData("")]
    public void Urls_without_a_query_are_unchanged(string url) => Assert.Equal(url, QueryStringRedactor.Redact(url));

    [Fact]
    public void Flags_without_values_and_fragments_are_handled()
    {
        Assert.Equal("https://x/y?debug=REDACTED&token=REDACTED", QueryStringRedactor.Redact("https://x/y?debug&token=t#frag"));
    }
}

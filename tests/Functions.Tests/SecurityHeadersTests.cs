using ServerlessSync.Pipeline.Web;

namespace ServerlessSync.Functions.Tests;

/// <summary>Every page and answer of the Functions app carries the content security policy, nosniff and frame-ancestors.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("dashboard")]
    [InlineData("console")]
    [InlineData("web/dashboard.js")]
    [InlineData("web/unknown.js")]
    public async Task Pages_and_assets_carry_the_security_headers(string page)
    {
        var pages = new WebPagesApi();
        var result = page switch
        {
            "dashboard" => new DashboardPageFunction(pages).Run(new DefaultHttpContext().Request),
            "console" => new ConsolePageFunction(pages).Run(new DefaultHttpContext().Request),
            _ => new WebAssetFunction(pages).Run(new DefaultHttpContext().Request, page["web/".Length..]),
        };

        var (_, _, _, headers) = await Pushes.ExecuteWithHeadersAsync(result);

        Assert.Contains("script-src 'self';", headers["Content-Security-Policy"].ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["Content-Security-Policy"].ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"].ToString());
        Assert.Equal("DENY", headers["X-Frame-Options"].ToString());
    }
}

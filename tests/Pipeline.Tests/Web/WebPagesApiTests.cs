using ServerlessSync.Pipeline.Web;

namespace ServerlessSync.Pipeline.Tests.Web;

/// <summary><c>/api/web/{name}</c> is anonymous: only the embedded assets are served and cached.</summary>
public sealed class WebPagesApiTests
{
    [Fact]
    public void Unknown_names_are_refused_without_growing_the_cache()
    {
        var pages = new WebPagesApi();
        Assert.Equal(200, pages.Asset("common.js").StatusCode);
        Assert.Equal(200, pages.Dashboard().StatusCode);
        var cached = WebPagesApi.CachedCount;

        for (var i = 0; i < 2_000; i++)
        {
            Assert.Equal(404, pages.Asset($"unknown-{i}.js").StatusCode);
        }

        Assert.Equal(cached, WebPagesApi.CachedCount);
        Assert.True(WebPagesApi.CachedCount <= WebPagesApi.Names.Count);
    }

    [Fact]
    public void Every_embedded_page_script_and_style_is_served()
    {
        var pages = new WebPagesApi();

        Assert.Contains("dashboard.js", WebPagesApi.Names);
        Assert.Contains("echarts.min.js", WebPagesApi.Names);
        Assert.All(WebPagesApi.Names, name => Assert.Equal(200, pages.Asset(name).StatusCode));
    }
}

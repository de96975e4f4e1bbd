using System.Globalization;

namespace ServerlessSync.Browser.Tests;

/// <summary>One browser page for a test: collects script errors (a page that throws fails the test) and saves screenshots.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly ITestOutputHelper output;

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page, ITestOutputHelper output)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.output = output;
        Page = page;
        page.PageError += (_, error) => Errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"{message.Text} ({message.Location})");
            }
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<BrowserPage> OpenAsync(ITestOutputHelper output)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return new BrowserPage(playwright, browser, page, output);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Chromium.ArtifactPath($"{name}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        System.Console.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Fen as the pages show it: "¥1,234.56".</summary>
    public static string Yuan(long fen) =>
        (fen < 0 ? "-¥" : "¥") + (Math.Abs(fen) / 100).ToString("N0", CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("D2", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}

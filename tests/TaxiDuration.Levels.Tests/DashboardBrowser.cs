using Microsoft.Playwright;

namespace TaxiDuration.Levels.Tests;

/// <summary>Chromium on the dashboard, remembering every console error and uncaught exception of the page.</summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<DashboardBrowser> OpenAsync(Uri service)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            // The tests may run as root (CI containers), where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = service.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var opened = new DashboardBrowser(playwright, browser, page);
        await page.GotoAsync("/dashboard");
        return opened;
    }

    /// <summary>Writes artifacts/dashboard/<paramref name="name"/>.png: the element, or the whole page when <paramref name="selector"/> is null.</summary>
    public async Task ScreenshotAsync(string? selector, string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "artifacts", "dashboard", $"{name}.png");
        if (selector is null)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await Page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>
/// A test that needs a Chromium: Debian's (<c>apt-get install chromium</c>), or the one <c>TAXI_CHROMIUM</c> names (a
/// hosted runner's Google Chrome); skipped, saying so, where there is none.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static readonly string Chromium = Environment.GetEnvironmentVariable("TAXI_CHROMIUM") is { Length: > 0 } named ? named : "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), or set TAXI_CHROMIUM, to run the dashboard's browser tests.";
        }
    }
}

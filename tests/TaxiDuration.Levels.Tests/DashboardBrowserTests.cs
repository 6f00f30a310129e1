using System.Diagnostics;
using Microsoft.Playwright;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Tracking;
using TaxiDuration.Trips;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// The operations dashboard of the level-3 service, in a real browser (Debian's Chromium driven by Playwright)
/// against the service as a real process: no console error, the champion shown, a promotion followed without a
/// reload, both variants of an A/B under traffic and their accuracy once labels land, and a level-4 drift breach.
/// A screenshot of each panel goes to artifacts/dashboard/.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Model = "taxi-duration";

    // Generous for a shared 2-core machine: the page polls every second, the service reads the registry every second.
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 20_000 };

    [BrowserFact]
    public async Task The_page_follows_a_promotion_without_a_reload_and_shows_both_variants_of_an_AB_split_under_traffic_and_their_accuracy()
    {
        using var workspace = new LevelWorkspace("level3");
        foreach (var run in Enumerable.Range(1, 2))
        {
            var trained = await workspace.CliAsync(workspace.QuickTrain());
            Assert.True(trained.ExitCode == 0, trained.Transcript);
        }

        workspace.OpenStore().Registry.PromoteChampion(Model, 1, "dashboard test: first", "test", AliasPrecondition.Unset);
        // An even A/B split between the champion and the previous champion (there is none until the promotion below).
        await using var service = workspace.StartService(environment: new Dictionary<string, string?>
        {
            ["Rollout__Variants__0__Name"] = "champion",
            ["Rollout__Variants__0__ModelUri"] = $"{Model}@champion",
            ["Rollout__Variants__0__Weight"] = "0.5",
            ["Rollout__Variants__1__Name"] = "previous",
            ["Rollout__Variants__1__ModelUri"] = $"{Model}@previous-champion",
            ["Rollout__Variants__1__Weight"] = "0.5",
            ["Dashboard__LabelsDirectory"] = workspace.File("labels"),
        });
        Assert.True(await service.WaitUntilReadyAsync(), service.Output);
        await using var browser = await Browser.OpenAsync(service.Address);
        var page = browser.Page;

        await Assertions.Expect(page.Locator("#served")).ToContainTextAsync($"{Model}/1", Soon);
        await Assertions.Expect(page.Locator("#shadow")).ToContainTextAsync("No challenger", Soon);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await browser.ScreenshotAsync("#served-panel", "served");

        workspace.OpenStore().Registry.PromoteChampion(Model, 2, "dashboard test: promote", "test", AliasPrecondition.PointsAt(1));
        await Assertions.Expect(page.Locator("#served")).ToContainTextAsync($"{Model}/2", Soon);
        await Assertions.Expect(page.Locator("#aliases")).ToContainTextAsync("dashboard test: promote", Soon);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded to show the promotion");

        await using (var load = new LoadGenerator(service.Address, Stopwatch.StartNew(), clientCount: 16))
        {
            await Assertions.Expect(page.Locator("#traffic")).ToContainTextAsync("previous", Soon);
            await Assertions.Expect(page.Locator("#traffic")).ToContainTextAsync("champion", Soon);
            await Assertions.Expect(page.Locator("#traffic")).ToContainTextAsync($"{Model}/1", Soon);
            await Assertions.Expect(page.Locator("#traffic")).ToContainTextAsync($"{Model}/2", Soon);
            await Assertions.Expect(page.Locator("#rate-chart canvas").First).ToBeVisibleAsync();
            var answers = await load.StopAsync();
            Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        }

        // Labels land (the level-3 replay sends trips with their keys and writes their ground truth): the accuracy
        // panel joins them with the service's prediction log, per variant and day.
        var replayed = await workspace.CliAsync(
            "replay", "--service", service.Address.ToString(), "--month", "2021-03", "--max-trips", "2000", "--rate", "400", "--clients", "50",
            "--labels", workspace.File("labels/2021-03.parquet"), "--allow-synthetic", "--offline");
        Assert.True(replayed.ExitCode == 0, replayed.Transcript);
        await Assertions.Expect(page.Locator("#accuracy")).ToContainTextAsync("2021-03-", Soon);
        await Assertions.Expect(page.Locator("#accuracy")).ToContainTextAsync("previous", Soon);
        await Assertions.Expect(page.Locator("#accuracy")).ToContainTextAsync("champion", Soon);
        await Assertions.Expect(page.Locator("#accuracy-chart canvas").First).ToBeVisibleAsync();

        await browser.ScreenshotAsync("#traffic-panel", "traffic");
        await browser.ScreenshotAsync("#accuracy-panel", "accuracy");
        await browser.ScreenshotAsync("#history-panel", "history");
        await browser.ScreenshotAsync(null, "overview");
        Assert.Empty(browser.Errors);
    }

    [BrowserFact]
    public async Task The_level_4_panel_shows_a_drift_breach_from_a_synthetic_zone_shift()
    {
        using var workspace = new LevelWorkspace("level4");
        TaxiMonth[] months = [TaxiMonth.Parse("green 2021-01"), TaxiMonth.Parse("green 2021-02")];
        foreach (var (month, scenario) in months.Zip([SyntheticScenario.None, SyntheticScenario.ZoneShift]))
        {
            await new SyntheticMonthGenerator().WriteAsync(
                month, Path.Combine(workspace.File("data"), month.FileName), new SyntheticMonthOptions { Rows = 20_000, Seed = 11, Scenario = scenario });
        }

        var replay = await workspace.CliAsync("replay-loop", "--months", "2021-01", "2021-02", "--offline", "--out", workspace.File("level4"));
        Assert.True(replay.ExitCode == 0, replay.Transcript);
        await using var service = workspace.StartService();
        await using var browser = await Browser.OpenAsync(service.Address);
        var page = browser.Page;

        // The replay registered no model: the service says so, and still shows the loop's windows from its store.
        await Assertions.Expect(page.Locator("#served-empty")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var breach = page.Locator("#loop tbody tr", new() { HasText = "green 2021-02" });
        await Assertions.Expect(breach.Locator("td.over")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(breach).ToContainTextAsync("pickup_zone");
        await Assertions.Expect(page.Locator("#drift-chart canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#rmse-chart canvas").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("#loop-panel", "level4");
        Assert.Empty(browser.Errors);
    }

    /// <summary>Chromium on the dashboard, remembering every console error and uncaught exception of the page.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;

        private Browser(IPlaywright playwright, IBrowser browser, IPage page)
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

        public static async Task<Browser> OpenAsync(Uri service)
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
            var opened = new Browser(playwright, browser, page);
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

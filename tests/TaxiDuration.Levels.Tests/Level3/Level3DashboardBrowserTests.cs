using System.Diagnostics;
using Microsoft.Playwright;
using TaxiDuration.Tracking;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// The operations dashboard of the level-3 service, in a real browser (Debian's Chromium driven by Playwright)
/// against the service as a real process: no console error, the champion shown, a promotion followed without a
/// reload, both variants of an A/B under traffic and their accuracy once labels land. A screenshot of each panel goes
/// to artifacts/dashboard/.
/// </summary>
public sealed class Level3DashboardBrowserTests
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
        await using var browser = await DashboardBrowser.OpenAsync(service.Address);
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
}

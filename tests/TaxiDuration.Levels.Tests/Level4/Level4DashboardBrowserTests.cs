using Microsoft.Playwright;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Trips;

namespace TaxiDuration.Levels.Tests;

/// <summary>The level-4 panel of the dashboard, in a real browser, showing the loop's windows from the store.</summary>
public sealed class Level4DashboardBrowserTests
{
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
        await using var browser = await DashboardBrowser.OpenAsync(service.Address);
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
}

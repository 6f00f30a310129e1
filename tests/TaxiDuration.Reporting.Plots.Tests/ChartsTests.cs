using TaxiDuration.TestSupport;

namespace TaxiDuration.Reporting.Plots.Tests;

/// <summary>
/// Each chart decodes as an 800 × 500 image, and draws its data: the same chart (same title and labels) of other data
/// is a different picture. A chart that dropped its series would draw both the same.
/// </summary>
public sealed class ChartsTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string> ChartKinds => ["scatter", "residuals", "lines", "log-log", "daily", "heatmap"];

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Each_chart_decodes_at_its_size_and_draws_its_data(string kind)
    {
        var first = Draw(kind, variant: 0);
        var second = Draw(kind, variant: 1);

        Assert.Equal((800, 500), (first.Width, first.Height));
        var changed = first.PixelsDifferentFrom(second);
        // The same inputs draw identical pixels (below), so any difference is the data; the scatter's 2-pixel markers
        // moving change a few dozen pixels, a line moving thousands.
        Assert.True(changed > 0, $"{kind}: two charts of different data are the same picture");
    }

    [Fact]
    public void The_same_data_draws_the_same_picture()
    {
        Assert.Equal(0, Draw("lines", variant: 0).PixelsDifferentFrom(Draw("lines", variant: 0)));
    }

    [Fact]
    public void Mismatched_predictions_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.PredictedVersusActual(folder.File("x.png"), [1, 2], [1], "t"));
        Assert.Contains("2 actual values but 1 predictions", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    // Variant 1 changes only the data, never a title or label, so any difference is the data being drawn.
    private RenderedChart Draw(string kind, int variant)
    {
        var path = folder.File($"plots/{kind}-{variant}-{Guid.NewGuid():N}.png");
        var v = variant * 4.0;
        switch (kind)
        {
            case "scatter":
                Charts.PredictedVersusActual(path, [5, 10, 15, 20], [6, 9 + (float)v, 16, 18 - (float)v], "predicted vs actual");
                break;
            case "residuals":
                Charts.BinnedResiduals(path, [0.5f, 1.5f, 2.5f, 3.5f], [-1, 1 + (float)v, -1, 2 - (float)v], [0, 2, 4], "residuals", "distance");
                break;
            case "lines":
                Charts.Lines(path, "trajectory", "fit", "rmse", ("rmse", [1.0, 2.0, 3.0], [6.0, 5.5 + v, 5.7]));
                break;
            case "log-log":
                Charts.LogLogLines(path, "scale", "rows", "seconds", ("fit", [1e3, 1e4, 1e5], [0.1, 1 + (v * 10), 10]));
                break;
            case "daily":
                Charts.DailyLines(path, "per day", "rmse", ("champion", [new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 2), new DateOnly(2021, 4, 3)], [5.2, 5.4 + v, 5.3]));
                break;
            case "heatmap":
                Charts.Heatmap(path, "drift", ["a", "b"], ["2021-01", "2021-02"], new[,] { { 0.1, 0.2 + (v / 10) }, { 0.3, 0.4 - (v / 10) } }, "score");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such chart");
        }

        return RenderedChart.Load(path);
    }
}

using TaxiDuration.TestSupport;

namespace TaxiDuration.Reporting.Plots.Tests;

public sealed class ChartsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void Each_chart_is_written_as_a_png()
    {
        float[] actual = [5, 10, 15, 20];
        float[] predicted = [6, 9, 16, 18];
        var scatter = folder.File("plots/scatter.png");
        var residuals = folder.File("plots/residuals.png");
        var lines = folder.File("plots/lines.png");
        var daily = folder.File("plots/daily.png");

        Charts.PredictedVersusActual(scatter, actual, predicted, "predicted vs actual");
        Charts.BinnedResiduals(residuals, [0.5f, 1.5f, 2.5f, 3.5f], [-1, 1, -1, 2], [0, 2, 4], "residuals", "distance");
        Charts.Lines(lines, "trajectory", "fit", "rmse", ("rmse", [1.0, 2.0, 3.0], [6.0, 5.5, 5.7]));
        Charts.DailyLines(daily, "per day", "rmse", ("champion", [new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 2)], [5.2, 5.4]));

        foreach (var path in new[] { scatter, residuals, lines, daily })
        {
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..4]);
        }
    }

    [Fact]
    public void Mismatched_predictions_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.PredictedVersusActual(folder.File("x.png"), [1, 2], [1], "t"));
        Assert.Contains("2 actual values but 1 predictions", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}

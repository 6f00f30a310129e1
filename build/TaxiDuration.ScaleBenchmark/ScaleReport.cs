using System.Globalization;
using System.Text;
using TaxiDuration.Reporting.Plots;

namespace TaxiDuration.ScaleBenchmark;

/// <summary>The Markdown table, the fitted log-log slopes and the plot of time against rows.</summary>
internal static class ScaleReport
{
    private const long GoalRows = 3_000_000;
    private const double GoalSeconds = 2;
    private const double GoalPeakBytes = 1.5e9;

    public static string Write(string folder, IReadOnlyList<Measurement> measurements)
    {
        var curves = measurements.Where(measurement => measurement.Stage != Stage.Year).GroupBy(measurement => measurement.Stage).ToList();
        var text = new StringBuilder();
        var line = (string value) => text.Append(value).Append('\n');
        line("| stage | rows | seconds | µs a row | peak memory | note |");
        line("|---|---:|---:|---:|---:|---|");
        foreach (var measurement in measurements)
        {
            line(Invariant($"| {measurement.Stage} | {measurement.Rows:N0} | {measurement.Seconds:F2} | {measurement.Seconds * 1e6 / measurement.Rows:F2} | {measurement.PeakBytes / 1e6:N0} MB | {measurement.Note} |"));
        }

        line("");
        line("Slope of log(time) against log(rows), least squares over the sizes measured (1 = linear):");
        line("");
        foreach (var curve in curves.Where(curve => curve.Count() >= 2))
        {
            line(Invariant($"- {curve.Key}: **{Slope(curve.ToList()):F2}**"));
        }

        if (measurements.FirstOrDefault(measurement => measurement.Stage == Stage.Prepare && measurement.Rows >= GoalRows) is { } yellow)
        {
            var met = yellow.Seconds <= GoalSeconds && yellow.PeakBytes <= GoalPeakBytes;
            line("");
            line(Invariant($"Goal at {GoalRows:N0} rows, streamed read + validate + featurize ≤ {GoalSeconds} s and ≤ {GoalPeakBytes / 1e9} GB peak: ") +
                Invariant($"{yellow.Seconds:F2} s, {yellow.PeakBytes / 1e9:F2} GB → **{(met ? "met" : "missed")}**."));
        }

        var plot = Path.Combine(folder, "scale.png");
        Charts.LogLogLines(
            plot,
            "Cost against rows (log-log: the slope is the exponent)",
            "rows",
            "seconds",
            [.. curves.Select(curve => (curve.Key, curve.Select(m => (double)m.Rows).ToArray(), curve.Select(m => m.Seconds).ToArray()))]);
        line("");
        line("![time against rows, log-log](scale.png)");
        var path = Path.Combine(folder, "scale.md");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    // Least-squares slope of log(seconds) on log(rows): the exponent of a power law through the points.
    private static double Slope(IReadOnlyList<Measurement> points)
    {
        var xs = points.Select(point => Math.Log(point.Rows)).ToArray();
        var ys = points.Select(point => Math.Log(point.Seconds)).ToArray();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        return xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / xs.Sum(x => (x - meanX) * (x - meanX));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using ScottPlot;
using TaxiDuration.Reporting;

namespace TaxiDuration.Reporting.Plots;

/// <summary>
/// The few chart shapes the template's reports use, rendered to PNG with ScottPlot. Inputs are plain arrays
/// so any level can draw them without sharing model types.
/// </summary>
public static class Charts
{
    private const int Width = 800;
    private const int Height = 500;

    /// <summary>Scatter of predicted against actual values with the y = x line a perfect model would sit on.</summary>
    public static void PredictedVersusActual(string path, IReadOnlyList<float> actual, IReadOnlyList<float> predicted, string title)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} actual values but {predicted.Count} predictions.", nameof(predicted));
        }

        var plot = new Plot();
        var (xs, ys) = Sample(actual, predicted, maxPoints: 5_000);
        var points = plot.Add.ScatterPoints(xs, ys);
        points.MarkerSize = 2;
        var limit = Math.Max(xs.DefaultIfEmpty(1).Max(), ys.DefaultIfEmpty(1).Max());
        plot.Add.Line(0, 0, limit, limit);
        Label(plot, title, "actual (minutes)", "predicted (minutes)");
        Save(plot, path);
    }

    /// <summary>
    /// Mean residual (actual − predicted) per bin of <paramref name="x"/>, with ±1 standard deviation: where
    /// along that axis the model is biased or noisy, which one RMSE figure hides.
    /// </summary>
    public static void BinnedResiduals(
        string path, IReadOnlyList<float> x, IReadOnlyList<float> residual, double[] binEdges, string title, string xLabel)
    {
        ArgumentNullException.ThrowIfNull(binEdges);
        var bins = ResidualBins.Compute(x, residual, binEdges);
        var plot = new Plot();
        var centers = bins.Select(bin => bin.Center).ToArray();
        var means = bins.Select(bin => bin.Mean).ToArray();
        var errors = plot.Add.ErrorBar(centers, means, bins.Select(bin => bin.StandardDeviation).ToArray());
        errors.LineWidth = 1;
        plot.Add.ScatterLine(centers, means);
        plot.Add.HorizontalLine(0);
        Label(plot, title, xLabel, "residual: actual − predicted (minutes)");
        Save(plot, path);
    }

    /// <summary>A line per series over a shared x axis, e.g. each trial's RMSE and the best-so-far RMSE.</summary>
    public static void Lines(string path, string title, string xLabel, string yLabel, params (string Name, double[] X, double[] Y)[] series) =>
        Save(LinePlot(title, xLabel, yLabel, Alignment.UpperRight, series), path);

    /// <summary>
    /// Lines of positive values on logarithmic axes (each value drawn as its log10), legend in the empty upper left of
    /// rising curves: cost against size, where a line's slope is the exponent of its power law.
    /// </summary>
    public static void LogLogLines(string path, string title, string xLabel, string yLabel, params (string Name, double[] X, double[] Y)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var logged = series.Select(line => (line.Name, line.X.Select(Math.Log10).ToArray(), line.Y.Select(Math.Log10).ToArray())).ToArray();
        Save(LinePlot(title, $"log10({xLabel})", $"log10({yLabel})", Alignment.UpperLeft, logged), path);
    }

    private static Plot LinePlot(string title, string xLabel, string yLabel, Alignment legend, (string Name, double[] X, double[] Y)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (var (name, xs, ys) in series)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = name;
        }

        plot.ShowLegend(legend);
        Label(plot, title, xLabel, yLabel);
        return plot;
    }

    /// <summary>One line per series over calendar days, the x axis labelled with dates.</summary>
    public static void DailyLines(string path, string title, string yLabel, params (string Name, DateOnly[] Days, double[] Y)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (var (name, days, ys) in series)
        {
            var line = plot.Add.Scatter(days.Select(day => day.ToDateTime(TimeOnly.MinValue)).ToArray(), ys);
            line.LegendText = name;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperRight);
        Label(plot, title, "day", yLabel);
        Save(plot, path);
    }

    /// <summary>
    /// A grid of values, one row per <paramref name="rows"/> label and one column per <paramref name="columns"/> label
    /// (e.g. features × months), coloured by value with a colour bar: where people would rather look than read a table.
    /// </summary>
    public static void Heatmap(string path, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, double[,] values, string valueLabel)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != rows.Count || values.GetLength(1) != columns.Count)
        {
            throw new ArgumentException($"Values are {values.GetLength(0)}×{values.GetLength(1)}, labels {rows.Count}×{columns.Count}.", nameof(values));
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = valueLabel;
        // Row 0 is drawn at the top, so the first label sits at the highest y tick.
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns.Count).Select(i => (double)i)], [.. columns]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 70;
        plot.Title(title);
        Save(plot, path);
    }

    private static void Label(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
    }

    private static void Save(Plot plot, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
    }

    // Tens of thousands of points make an unreadable blob and a slow render; an even stride keeps the shape.
    private static (double[] X, double[] Y) Sample(IReadOnlyList<float> x, IReadOnlyList<float> y, int maxPoints)
    {
        var stride = Math.Max(1, x.Count / maxPoints);
        var count = (x.Count + stride - 1) / stride;
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = x[i * stride];
            ys[i] = y[i * stride];
        }

        return (xs, ys);
    }
}

// ScaleBenchmark: cost curves of reading, validating, featurizing, fitting and scoring against the number of rows,
// on synthetic green months of 0.1 M to 3 M rows (a yellow-taxi month) and a year of the largest, each measurement
// in a process of its own (build/TaxiDuration.ScaleBenchmark). Report, plot and JSON in artifacts/scale; the
// figures quoted in docs/benchmarks/scale.md come from it. Needs an idle machine and ~15 minutes; not in CI.

var ScaleSizes = Argument("scale-sizes", "100000,300000,1000000,3000000");
var ScaleFitMaxRows = Argument("scale-fit-max-rows", int.MaxValue);

Task("ScaleBenchmark")
    .Description("Time and peak memory against rows (0.1 M → 3 M synthetic rows, and a year): read + validate + featurize, linear and LightGBM fits, batch scoring; log-log plot with slopes. --scale-sizes=…, --scale-fit-max-rows=N. Not in CI.")
    .Does(() =>
{
    Information($"Load average before: {LoadAverage()} ({System.Environment.ProcessorCount} cores). Cost curves need an idle machine.");
    var arguments = new ProcessArgumentBuilder()
        .Append("--sizes").Append(ScaleSizes)
        .Append("--out").AppendQuoted(Paths.Artifacts.Combine("scale").FullPath)
        .Append("--fit-max-rows").Append(ScaleFitMaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    DotNetRun(Paths.Root.CombineWithFilePath("build/TaxiDuration.ScaleBenchmark/TaxiDuration.ScaleBenchmark.csproj").FullPath, arguments,
        new DotNetRunSettings { Configuration = "Release" });
});

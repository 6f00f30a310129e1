using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.ScaleBenchmark;
using TaxiDuration.Trips;

// Cost curves of the data and model steps against the number of rows (docs/benchmarks/scale.md). Each measurement
// runs in a fresh process so its peak memory is its own:
//   scale [--sizes 100000,300000,1000000,3000000] [--out artifacts/scale] [--fit-max-rows N] [--no-year]
//   scale measure "<stage>" <warm-up file> <file>...      (one measurement; prints it as JSON)
//   scale report <folder>                                 (report and plot again from <folder>/results.json)
if (args is ["measure", var measured, var warmUp, .. var files] && files.Length > 0)
{
    Console.WriteLine(JsonSerializer.Serialize(await StageRunner.RunAsync(measured, warmUp, files)));
    return 0;
}

// Rewrites the report and plot from the measurements already taken (results.json), without measuring again.
if (args is ["report", var folder])
{
    var earlier = JsonSerializer.Deserialize<List<Measurement>>(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")))!;
    Console.WriteLine($"Report: {ScaleReport.Write(folder, earlier)}");
    return 0;
}

var options = ScaleOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("usage: scale [--sizes 100000,300000,1000000,3000000] [--out artifacts/scale] [--fit-max-rows N] [--no-year]");
    return 2;
}

const int WarmUpRows = 5_000;
var warmUpFile = await SyntheticFileAsync(options.Output, WarmUpRows, month: 1);
var measurements = new List<Measurement>();
foreach (var rows in options.Sizes)
{
    var january = await SyntheticFileAsync(options.Output, rows, month: 1);
    foreach (var stage in Stage.PerMonth.Where(stage => rows <= options.FitMaxRows || stage is Stage.Prepare or Stage.PrepareWhole))
    {
        measurements.Add(await MeasureAsync(stage, warmUpFile, [january]));
    }
}

if (options.Year)
{
    var largest = options.Sizes.Max();
    var months = new List<string>();
    for (var month = 1; month <= 12; month++)
    {
        months.Add(await SyntheticFileAsync(options.Output, largest, month));
    }

    measurements.Add(await MeasureAsync(Stage.Year, warmUpFile, months));
}

Directory.CreateDirectory(options.Output);
await File.WriteAllTextAsync(Path.Combine(options.Output, "results.json"), JsonSerializer.Serialize(measurements, new JsonSerializerOptions { WriteIndented = true }));
var report = ScaleReport.Write(options.Output, measurements);
Console.WriteLine(await File.ReadAllTextAsync(report));
Console.WriteLine($"Report: {report}");
return 0;

// Synthetic green months of 2024 (schema B, TLC-sized row groups), generated once and kept for later runs.
static async Task<string> SyntheticFileAsync(string output, int rows, int month)
{
    var target = new TaxiMonth(TaxiService.Green, 2024, month);
    var path = Path.Combine(output, "data", rows.ToString(CultureInfo.InvariantCulture), target.FileName);
    if (!File.Exists(path))
    {
        Console.WriteLine($"Generating {rows:N0} synthetic trips for {target} …");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await new SyntheticMonthGenerator().WriteAsync(target, path, new SyntheticMonthOptions { Rows = rows });
    }

    return path;
}

static async Task<Measurement> MeasureAsync(string stage, string warmUpFile, IReadOnlyList<string> files)
{
    // Started as `dotnet <dll>` (the dotnet host) the child needs the assembly first; started by `dotnet run` (as the
    // Cake target does) this process is the app host, which takes the arguments directly.
    var host = Environment.ProcessPath!;
    var self = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(ScaleOptions).Assembly.Location] : Array.Empty<string>();
    var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
    foreach (var argument in (string[])[.. self, "measure", stage, warmUpFile, .. files])
    {
        start.ArgumentList.Add(argument);
    }

    Console.Write($"{stage}, {Path.GetFileName(Path.GetDirectoryName(files[0]))} rows … ");
    using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a measuring process.");
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"Measuring '{stage}' failed with exit code {process.ExitCode}.");
    }

    var measurement = JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!;
    Console.WriteLine($"{measurement.Seconds:F2} s, peak {measurement.PeakBytes / 1e6:N0} MB");
    return measurement;
}

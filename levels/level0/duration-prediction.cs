// Level 0, "No MLOps": the course notebook (01-intro/duration-prediction.ipynb) as one C# script.
// Run from the repository root:   dotnet run levels/level0/duration-prediction.cs [train-month] [validation-month]
// Everything here is deliberately by hand and top to bottom: no tests, no tracking, no registry.
// It is the "before" picture the other levels improve on, so it references nothing under src/.

// Versions come from the repository's Directory.Packages.props (central package management applies to
// file-based apps too). Parquet.Net's serializer uses reflection, so the file-based default of AOT is off.
#:package Parquet.Net
#:property PublishAot=false

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

var stopwatch = Stopwatch.StartNew();

// ---------------------------------------------------------------------------------------------------------
// Cell 1: which months, and where the files are.
// Real TLC files come from TAXI_DATA_DIR, else from data/. Without them, the synthetic months that
// `./build.sh --target=Data` writes to data/synthetic/ keep the script runnable offline.
// ---------------------------------------------------------------------------------------------------------
var trainMonth = args.Length > 0 ? args[0] : "2021-01";
var validationMonth = args.Length > 1 ? args[1] : "2021-02";

var dataDirectory = Environment.GetEnvironmentVariable("TAXI_DATA_DIR") is { Length: > 0 } fromEnvironment
    ? fromEnvironment
    : "data";
var dataKind = "real";
if (!MonthsExist(dataDirectory))
{
    // The Data target writes one synthetic folder per generator setting (data/synthetic/none-seed42-rows70000/);
    // the undrifted ("none-") folders come first so a drift scenario is never picked by accident.
    dataKind = "synthetic";
    var syntheticRoot = Path.Combine("data", "synthetic");
    var syntheticFolders = Directory.Exists(syntheticRoot) ? Directory.GetDirectories(syntheticRoot) : [];
    dataDirectory = syntheticFolders
        .OrderBy(folder => Path.GetFileName(folder).StartsWith("none-", StringComparison.Ordinal) ? 0 : 1)
        .ThenBy(folder => folder, StringComparer.Ordinal)
        .Prepend(syntheticRoot)
        .FirstOrDefault(MonthsExist) ?? syntheticRoot;
}

if (!MonthsExist(dataDirectory))
{
    Console.Error.WriteLine(
        $"""
        No green trip data for {trainMonth} and {validationMonth}.
        Looked for green_tripdata_{trainMonth}.parquet and green_tripdata_{validationMonth}.parquet in:
          - TAXI_DATA_DIR ({Environment.GetEnvironmentVariable("TAXI_DATA_DIR") ?? "not set"}) or data/
          - data/synthetic/ and its subfolders
        Do one of:
          - export TAXI_DATA_DIR=/path/to/folder/with/the/tlc/parquet/files
          - ./build.sh --target=Data   (downloads the real months, or writes synthetic ones when offline)
        Run this script from the repository root.
        """);
    return 2;
}

var trainPath = MonthPath(dataDirectory, trainMonth);
var validationPath = MonthPath(dataDirectory, validationMonth);
Console.WriteLine($"data: {dataKind} ({Path.GetFullPath(dataDirectory)})");
Console.WriteLine($"train: {Path.GetFullPath(trainPath)}");
Console.WriteLine($"validation: {Path.GetFullPath(validationPath)}");

// ---------------------------------------------------------------------------------------------------------
// Cell 2: read a month and compute the target, like read_dataframe() in the notebook:
// duration = dropoff - pickup in minutes, keep 1 <= duration <= 60, PU_DO = "PU_DO" as a string.
// ---------------------------------------------------------------------------------------------------------
var (train, trainRawRows) = await ReadMonth(trainPath);
var (validation, validationRawRows) = await ReadMonth(validationPath);
Console.WriteLine($"rows kept: train {train.Count.ToString("N0", CultureInfo.InvariantCulture)}, " +
                  $"validation {validation.Count.ToString("N0", CultureInfo.InvariantCulture)}");

// ---------------------------------------------------------------------------------------------------------
// Cell 3: fit the linear model  duration = b[PU_DO] + w * trip_distance  (one-hot PU_DO + distance).
// The notebook hands a 13,221-column one-hot matrix to LinearRegression. We solve the same least squares
// directly: the one-hot block of the normal equations is diagonal, so the problem splits into
//   w      = sum over trips of (d - mean_d[g]) * (y - mean_y[g]) / sum of (d - mean_d[g])^2   (within-group slope)
//   b[g]   = mean_y[g] - w * mean_d[g]                                                          (per PU_DO)
// The one-hot columns sum to the intercept column, so the optimum is not unique: any constant can move
// between the shared intercept and every b[PU_DO]. Seen PU_DOs predict the same either way, but a PU_DO never
// seen in training (an all-zero one-hot row) gets only the shared intercept. Like scikit-learn's least-squares
// solver we take the minimum-norm optimum, whose shared intercept is the unweighted mean of the b[PU_DO].
// (ML.NET's SDCA needs about 46 s to get near this optimum; the closed form takes milliseconds.)
// ---------------------------------------------------------------------------------------------------------
var fitWatch = Stopwatch.StartNew();
var groups = new Dictionary<string, (double Count, double SumDistance, double SumDuration)>(StringComparer.Ordinal);
foreach (var trip in train)
{
    groups.TryGetValue(trip.PickupDropoff, out var g);
    groups[trip.PickupDropoff] = (g.Count + 1, g.SumDistance + trip.Distance, g.SumDuration + trip.Duration);
}

double crossSum = 0, squareSum = 0;
foreach (var trip in train)
{
    var g = groups[trip.PickupDropoff];
    var centredDistance = trip.Distance - (g.SumDistance / g.Count);
    crossSum += centredDistance * (trip.Duration - (g.SumDuration / g.Count));
    squareSum += centredDistance * centredDistance;
}

var slope = squareSum > 0 ? crossSum / squareSum : 0;
var intercepts = groups.ToDictionary(
    pair => pair.Key,
    pair => (pair.Value.SumDuration - (slope * pair.Value.SumDistance)) / pair.Value.Count,
    StringComparer.Ordinal);
var unseenIntercept = intercepts.Values.Average();
fitWatch.Stop();
Console.WriteLine($"model: {intercepts.Count.ToString("N0", CultureInfo.InvariantCulture)} PU_DO intercepts, " +
                  $"minutes per mile {slope:G4}, fitted in {fitWatch.Elapsed.TotalSeconds:F3} s");

double Predict(Trip trip) =>
    (intercepts.TryGetValue(trip.PickupDropoff, out var intercept) ? intercept : unseenIntercept) + (slope * trip.Distance);

// ---------------------------------------------------------------------------------------------------------
// Cell 4: RMSE on the training month and on the validation month.
// ---------------------------------------------------------------------------------------------------------
double Rmse(List<Trip> trips) => Math.Sqrt(trips.Average(t => Math.Pow(Predict(t) - t.Duration, 2)));
Console.WriteLine($"train RMSE: {Rmse(train):F4}");
Console.WriteLine($"validation RMSE: {Rmse(validation):F4}");

// ---------------------------------------------------------------------------------------------------------
// Cell 5: save the model (the notebook pickles it to models/lin_reg.bin). artifacts/ is git-ignored.
// ---------------------------------------------------------------------------------------------------------
var modelPath = Path.Combine("artifacts", "level0", "model.json");
Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
await File.WriteAllTextAsync(modelPath, JsonSerializer.Serialize(new
{
    Features = "PU_DO one-hot + trip_distance",
    TrainMonth = trainMonth,
    MinutesPerMile = slope,
    UnseenIntercept = unseenIntercept,
    Intercepts = intercepts,
}));
Console.WriteLine($"model file: {Path.GetFullPath(modelPath)}");

// ---------------------------------------------------------------------------------------------------------
// Cell 6: what this run did, as data, beside the model: the build's ladder report reads it (docs/result-json.md).
// ---------------------------------------------------------------------------------------------------------
var origin = dataKind == "real" ? "Real" : "Synthetic";
var resultPath = Path.Combine("artifacts", "level0", "result.json");
await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(new
{
    level = 0,
    host = "levels/level0/duration-prediction.cs",
    summary = "one script: closed-form least squares on PU_DO + distance",
    data = new[]
    {
        new { role = "train", month = $"green {trainMonth}", origin, path = Path.GetFullPath(trainPath), rawRows = trainRawRows, keptRows = train.Count },
        new { role = "validation", month = $"green {validationMonth}", origin, path = Path.GetFullPath(validationPath), rawRows = validationRawRows, keptRows = validation.Count },
    },
    metrics = new Dictionary<string, double>
    {
        ["validation_rmse"] = Rmse(validation),
        ["fit_seconds"] = fitWatch.Elapsed.TotalSeconds,
        ["elapsed_seconds"] = stopwatch.Elapsed.TotalSeconds,
    },
    outputs = new Dictionary<string, string> { ["model_file"] = Path.GetFullPath(modelPath) },
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"result file: {Path.GetFullPath(resultPath)}");
Console.WriteLine($"elapsed: {stopwatch.Elapsed.TotalSeconds:F2} s");
return 0;

// ---------------------------------------------------------------------------------------------------------
// Helpers used by the cells above.
// ---------------------------------------------------------------------------------------------------------
bool MonthsExist(string directory) =>
    File.Exists(MonthPath(directory, trainMonth)) && File.Exists(MonthPath(directory, validationMonth));

static string MonthPath(string directory, string month) => Path.Combine(directory, $"green_tripdata_{month}.parquet");

static async Task<(List<Trip> Kept, long RawRows)> ReadMonth(string path)
{
    await using var reader = await ParquetReader.CreateAsync(path);
    var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
    var trips = new List<Trip>();
    long rawRows = 0;
    for (var i = 0; i < reader.RowGroupCount; i++)
    {
        using var rowGroup = reader.OpenRowGroupReader(i);
        var rows = checked((int)rowGroup.RowCount);
        rawRows += rows;
        var pickup = new DateTime?[rows];
        var dropoff = new DateTime?[rows];
        await rowGroup.ReadAsync<DateTime>(fields["lpep_pickup_datetime"], pickup);
        await rowGroup.ReadAsync<DateTime>(fields["lpep_dropoff_datetime"], dropoff);
        var pickupZone = await ReadNumbers(rowGroup, fields["PULocationID"]);
        var dropoffZone = await ReadNumbers(rowGroup, fields["DOLocationID"]);
        var distance = await ReadNumbers(rowGroup, fields["trip_distance"]);
        for (var row = 0; row < rows; row++)
        {
            var minutes = (dropoff[row] - pickup[row])?.TotalMinutes;
            if (minutes is >= 1 and <= 60)
            {
                // pandas turns a missing location into "nan" and DictVectorizer a missing distance into 0.
                trips.Add(new Trip(
                    $"{Zone(pickupZone[row])}_{Zone(dropoffZone[row])}",
                    distance[row] ?? 0,
                    minutes.Value));
            }
        }
    }

    return (trips, rawRows);
}

static string Zone(double? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "nan";

// TLC changed physical types over the years (INT64 ids and DOUBLE counts until 2023-01, INT32 / INT64 after),
// so numbers are read in whatever type the file declares and widened to double.
static async Task<double?[]> ReadNumbers(ParquetRowGroupReader rowGroup, DataField field)
{
    var rows = checked((int)rowGroup.RowCount);
    if (field.ClrType == typeof(long))
    {
        var values = new long?[rows];
        await rowGroup.ReadAsync<long>(field, values);
        return Array.ConvertAll(values, v => (double?)v);
    }

    if (field.ClrType == typeof(int))
    {
        var values = new int?[rows];
        await rowGroup.ReadAsync<int>(field, values);
        return Array.ConvertAll(values, v => (double?)v);
    }

    var doubles = new double?[rows];
    await rowGroup.ReadAsync<double>(field, doubles);
    return doubles;
}

internal sealed record Trip(string PickupDropoff, double Distance, double Duration);

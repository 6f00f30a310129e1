// Level 1, DevOps without MLOps. Level1 and the release (level1-release.cake) share the steps below; Benchmark
// (benchmark.cake) reuses them.
//   Level1     train (the level's CLI) → tests → publish (the Dockerfile's command) → serve on loopback →
//              smoke-test /predict → stop; writes artifacts/level1/result.json for the ladder.
//   Benchmark  /predict throughput against the bare endpoint and the course's Flask service (benchmark.cake).
// Services run as child processes on free loopback ports and are always stopped, also when a step fails.
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;

var Level1Trainer = Argument("level1-model", "linear");

const string Level1ServiceName = "level-1 service";

public static class Level1Paths
{
    public static DirectoryPath Folder => Paths.Artifacts.Combine("level1");
    public static FilePath ApiProject => Paths.Root.CombineWithFilePath("levels/level1/Api/Api.csproj");
    public static string ApiAssembly => "TaxiDuration.Level1.Api.dll";
    public static FilePath BareEndpointProject => Paths.BuildTools.CombineWithFilePath("TaxiDuration.BareEndpoint/TaxiDuration.BareEndpoint.csproj");

    // The course's Python anchors live next to the repository (../shared/bench), never inside it.
    public static DirectoryPath CourseBench => Paths.Root.Combine("../shared/bench").Collapse();
    public static FilePath CourseCsv(string month) => CourseBench.Combine("data").CombineWithFilePath($"green_tripdata_{month}.csv");

    // Debian's interpreter: the apt packages python3-sklearn/pandas/flask install into it, not into a pyenv.
    public const string SystemPython = "/usr/bin/python3";
}

// What one run of the training CLI produced, from the result.json it wrote (docs/result-json.md).
public sealed record Level1Training(LevelRun Run, TimeSpan WallTime)
{
    public FilePath ModelFile => new FilePath(Run.Output("model_file"));
    public string Trainer => Run.Output("trainer");
    public string Version => Run.Output("model_version");
    public double Rmse => Run.Metric("validation_rmse");
    public double FitSeconds => Run.Metric("fit_seconds");
    public long TrainRows => Run.Month("train").KeptRows;
    public long ValidationRows => Run.Month("validation").KeptRows;
    public bool IsSynthetic => Run.AnySynthetic;
    public string DataDescription => Run.DataDescription;
}

// Trains with the level-1 CLI; the result says which data it used.
Level1Training TrainLevel1Model(FilePath modelFile, string trainer, string features, FilePath resultFile)
{
    EnsureDirectoryExists(modelFile.GetDirectory());
    var arguments = LevelTrainingCli(1)
        .Append("--train").Append(TrainMonth)
        .Append("--validation").Append(ValidationMonth)
        .Append("--model").Append(trainer)
        .Append("--out").AppendQuoted(modelFile.FullPath)
        .Append("--result").AppendQuoted(resultFile.FullPath);
    if (features is not null)
    {
        arguments.Append("--features").Append(features);
    }

    AppendDataArguments(arguments);
    var run = Run("dotnet", arguments);
    var training = new Level1Training(ReadLevelRun(resultFile), run.Elapsed);
    Information(FormattableString.Invariant(
        $"Trained {training.Trainer} on {training.DataDescription}: validation RMSE {training.Rmse:0.0000}, fit {training.FitSeconds:0.000} s, rows {training.TrainRows:N0} / {training.ValidationRows:N0}, version {training.Version}"));
    if (training.IsSynthetic)
    {
        Warning("This model was trained on SYNTHETIC data: its figures say nothing about real taxi trips.");
    }

    return training;
}

// The Dockerfile runs exactly this publish (always Release), so a green build proves the image's build step.
void PublishLevel1Api(DirectoryPath output) => PublishRelease(Level1Paths.ApiProject, output);

// The tests of what level 1 ships: the training library and the service. Not again when the Test task already
// passed them in this run (CI runs both).
void RunLevel1Tests()
{
    if (BuildState.TestsPassed)
    {
        Information("Level 1's tests (Training, Serving) already passed in this run's Test task.");
        return;
    }

    foreach (var project in new[] { "tests/TaxiDuration.Training.Tests", "tests/TaxiDuration.Serving.Tests" })
    {
        DotNetTest(project, new DotNetTestSettings { Configuration = Configuration, NoBuild = BuildState.SolutionBuilt });
    }
}

BackgroundServer StartLevel1Service(DirectoryPath publish, FilePath model, FilePath logFile) =>
    StartPublishedService(
        Level1ServiceName, publish, Level1Paths.ApiAssembly, new Dictionary<string, string> { ["Model__Path"] = model.FullPath },
        () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"), logFile);

const string Level1SampleRide = "{\"PULocationID\": 43, \"DOLocationID\": 151, \"trip_distance\": 1.01}";

// One good ride must be scored by the model that was just trained; one bad ride must be a client error that
// names the field, never a 5xx.
void SmokeTestLevel1Service(BackgroundServer server, string expectedVersion)
{
    using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };

    using var good = http.Send(PostJson("/predict", Level1SampleRide));
    var goodBody = good.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    if (good.StatusCode != HttpStatusCode.OK)
    {
        throw new CakeException($"POST /predict answered {(int)good.StatusCode}, expected 200: {goodBody}");
    }

    using var prediction = JsonDocument.Parse(goodBody);
    var duration = prediction.RootElement.GetProperty("duration").GetDouble();
    var version = prediction.RootElement.GetProperty("model_version").GetString();
    if (!double.IsFinite(duration) || duration <= 0)
    {
        throw new CakeException($"POST /predict returned duration {duration}; expected a positive finite number of minutes.");
    }

    if (version != expectedVersion)
    {
        throw new CakeException($"POST /predict served model_version '{version}', but the model under test is '{expectedVersion}'.");
    }

    Information(FormattableString.Invariant($"Smoke test: POST /predict {Level1SampleRide} → 200, duration {duration:0.00} min, model_version {version}"));

    const string badRide = "{\"PULocationID\": 43, \"DOLocationID\": 151, \"trip_distance\": -1}";
    using var bad = http.Send(PostJson("/predict", badRide));
    var badBody = bad.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    var mediaType = bad.Content.Headers.ContentType?.MediaType;
    if (bad.StatusCode != HttpStatusCode.BadRequest || mediaType != "application/problem+json" || !badBody.Contains("trip_distance"))
    {
        throw new CakeException($"POST /predict {badRide} answered {(int)bad.StatusCode} {mediaType}: {badBody}; expected 400 application/problem+json naming trip_distance.");
    }

    Information($"Smoke test: POST /predict {badRide} → 400 {mediaType} naming trip_distance");
}

// Publish, serve the model, smoke-test it, and stop the service whatever happened.
void PublishAndSmokeTestLevel1(DirectoryPath publish, FilePath model, string version)
{
    PublishLevel1Api(publish);
    using var service = StartLevel1Service(publish, model, publish.GetParent().CombineWithFilePath("service.log"));
    SmokeTestLevel1Service(service, version);
}

// The level-1 brief: linear fit within 1 s. Put next to the course's scikit-learn fit on the same months, when the
// course anchor and a Python with scikit-learn are on this machine.
void CompareLinearFitWithScikitLearn(Level1Training training)
{
    var anchor = Level1Paths.CourseBench.CombineWithFilePath("course_anchor.py");
    var trainCsv = Level1Paths.CourseCsv(TrainMonth);
    var validationCsv = Level1Paths.CourseCsv(ValidationMonth);
    // A speed goal, not a gate: on a shared machine the fit time follows the load, so the verdict carries it.
    var verdict = training.FitSeconds <= 1 ? "PASS" : $"MISS (load average {LoadAverage()})";
    Information(FormattableString.Invariant($"linear fit: ours {training.FitSeconds:0.000} s, goal ≤ 1 s: {verdict}"));
    if (!FileExists(anchor) || !FileExists(trainCsv) || !FileExists(validationCsv))
    {
        Information($"scikit-learn comparison skipped: the course anchor ({anchor}) or its CSV months ({trainCsv.GetFilename()}, {validationCsv.GetFilename()}) are not on this machine.");
        return;
    }

    if (!FileExists(Level1Paths.SystemPython)
        || Run(Level1Paths.SystemPython, new ProcessArgumentBuilder().Append("-c").AppendQuoted("import sklearn, pandas"), allowFailure: true).ExitCode != 0)
    {
        Information($"scikit-learn comparison skipped: {Level1Paths.SystemPython} with scikit-learn and pandas is not installed (apt-get install -y python3-sklearn python3-pandas).");
        return;
    }

    var run = Run(Level1Paths.SystemPython, new ProcessArgumentBuilder()
        .AppendQuoted(anchor.FullPath).AppendQuoted(trainCsv.FullPath).AppendQuoted(validationCsv.FullPath), captureOutput: true, allowFailure: true);
    var fit = run.Output.Select(line => Regex.Match(line, @"^linear .*prep_s=([\d.]+) fit_s=([\d.]+)")).FirstOrDefault(match => match.Success);
    if (run.ExitCode != 0 || fit is null)
    {
        Warning($"scikit-learn comparison skipped: course_anchor.py failed (exit code {run.ExitCode}).");
        return;
    }

    // Ours times the whole ML.NET pipeline fit (one-hot vocabulary, design, solve, JIT included); scikit-learn's
    // fit_s is LinearRegression.fit alone, its DictVectorizer is in prep_s (with pandas' CSV parsing). Both ratios.
    var prep = double.Parse(fit.Groups[1].Value, CultureInfo.InvariantCulture);
    var theirs = double.Parse(fit.Groups[2].Value, CultureInfo.InvariantCulture);
    var caveat = training.IsSynthetic ? " — not like for like: ours ran on SYNTHETIC data, scikit-learn on the real CSV months" : "";
    Information(FormattableString.Invariant(
        $"linear fit: ours {training.FitSeconds:0.000} s (featurize + solve) vs scikit-learn LinearRegression.fit {theirs:0.000} s (ratio {training.FitSeconds / theirs:0.00}); vs its DictVectorizer + fit {prep + theirs:0.000} s (ratio {training.FitSeconds / (prep + theirs):0.00}){caveat}"));
}

Task("Level1")
    .Description("Level 1, DevOps without MLOps: train (CLI) → tests → publish → serve on loopback → smoke-test /predict → stop.")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    Information(DataSource.Describe());
    var training = TrainLevel1Model(
        Level1Paths.Folder.CombineWithFilePath("model.zip"), Level1Trainer, features: null, LevelResultPath(1));
    if (training.Trainer == "linear")
    {
        CompareLinearFitWithScikitLearn(training);
    }

    RunLevel1Tests();
    PublishAndSmokeTestLevel1(Level1Paths.Folder.Combine("publish"), training.ModelFile, training.Version);
    RecordTargetSeconds(LevelResultPath(1), clock.Elapsed);
    Information($"Level 1 passed end to end in {clock.Elapsed.TotalSeconds:0} s (training {training.WallTime.TotalSeconds:0} s).");
});

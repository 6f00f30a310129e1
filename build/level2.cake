// Level 2, automated training: the tracked training pipeline (Train), browsing the store (Runs, Models), the
// manual promotion (Promote) and the end-to-end run (Level2: train → promote → serve the champion).
// Every target runs the level-2 CLI from the repository root, so the store is tracking/ unless
// TAXI_TRACKING_DIR names another folder, and each run's summary lands in artifacts/level2/runs/<runId>/.
using System.Net.Http;
using System.Text.Json;

// The level-2 names from the issue (--train, --validation) default to the ladder's --train-month and
// --validation-month, so one ladder command still sets every level's months. --test and --trials are passed on
// only when given: the CLI owns their defaults (2021-03, 8 trials).
var Level2TrainMonth = Argument("train", TrainMonth);
var Level2ValidationMonth = Argument("validation", ValidationMonth);

const string Level2Model = "taxi-duration";

DirectoryPath Level2Folder => Paths.Root.Combine("levels/level2");
DirectoryPath Level2PublishFolder => Paths.Artifacts.Combine("level2/publish");

// The store the CLI (started in the repository root) and the service (started in its publish folder) must
// share, as an absolute path: the service resolves relative paths against its own content root.
DirectoryPath Level2TrackingFolder =>
    System.Environment.GetEnvironmentVariable("TAXI_TRACKING_DIR") is { Length: > 0 } folder
        ? MakeAbsolute(Directory(folder))
        : Paths.Root.Combine("tracking");

ProcessArgumentBuilder Level2Cli(string command) => LevelCli(2, command);

// Runs the pipeline; its progress streams to the log and its result.json says what it did.
LevelRun TrainLevel2(FilePath resultFile)
{
    Information($"Level 2 months: train {Level2TrainMonth}, validation {Level2ValidationMonth}, test {Argument("test", "(CLI default)")}; trials {Argument("trials", "(CLI default)")}");
    var arguments = Level2Cli("train")
        .Append("--train").AppendQuoted(Level2TrainMonth)
        .Append("--validation").AppendQuoted(Level2ValidationMonth)
        .Append("--result").AppendQuoted(resultFile.FullPath);
    foreach (var passed in new[] { "test", "trials", "parallel-fits", "seed", "candidates", "alias" }.Where(name => HasArgument(name)))
    {
        arguments.Append($"--{passed}").AppendQuoted(Argument<string>(passed));
    }

    AppendDataArguments(arguments);
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = Paths.Root });
    if (exitCode != 0)
    {
        var why = exitCode switch
        {
            1 => "the run failed (data validation report above); it is marked FAILED and nothing was registered",
            2 => "the command line was refused (see above)",
            3 => "a month is unavailable (see above for where it looked and how to fix it)",
            _ => $"exit code {exitCode}",
        };
        throw new CakeException($"Level-2 training failed: {why}.");
    }

    var run = ReadLevelRun(resultFile);
    Information(FormattableString.Invariant(
        $"Run {run.Output("run_id")}: validation RMSE {run.Metric("validation_rmse"):0.0000}, test RMSE {run.Metric("test_rmse"):0.0000}, pipeline {run.Metric("elapsed_seconds"):0.0} s, registered {run.Output("registered_version")}, data {run.DataDescription}"));
    Information($"Run summary: {run.Output("summary_file")}");
    CheckGoals(run);
    return run;
}

Task("Train")
    .Description("Level 2: runs the tracked training pipeline and registers the winner: --train=2021-01 --validation=2021-02 [--test=2021-03|none] [--trials=8] [--parallel-fits=N] [--alias=challenger] [--offline] [--allow-synthetic].")
    .Does(() =>
{
    TrainLevel2(Paths.Artifacts.CombineWithFilePath("level2/train-result.json"));
});

Task("Runs")
    .Description("Level 2: experiments and runs with their metrics as a table; --compare=runId1,runId2 puts runs side by side.")
    .Does(() =>
{
    var arguments = Level2Cli("runs");
    if (HasArgument("compare"))
    {
        arguments.Append("--compare").AppendQuoted(Argument<string>("compare"));
    }

    Run("dotnet", arguments);
});

Task("Models")
    .Description("Level 2: registered versions of taxi-duration and the alias history.")
    .Does(() =>
{
    Run("dotnet", Level2Cli("models"));
});

// Cake keeps --version for itself (it prints Cake's version), so the version to promote is --model-version.
void PromoteLevel2(int version, string reason, string alias) =>
    Run("dotnet", Level2Cli("promote")
        .Append("--version").Append(version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Append("--reason").AppendQuoted(reason)
        .Append("--alias").AppendQuoted(alias));

Task("Promote")
    .Description("Level 2: points an alias (default champion) at a version: --model-version=N --reason=\"...\" [--alias=challenger].")
    .Does(() =>
{
    var reason = Argument("reason", "");
    if (!HasArgument("model-version") || !int.TryParse(Argument("model-version", ""), out var version) || string.IsNullOrWhiteSpace(reason))
    {
        throw new CakeException(
            "Promote needs --model-version=N (a registered version; see --target=Models) and --reason=\"why\" (kept in the alias history). "
            + "Cake reserves --version for its own version, hence --model-version.");
    }

    PromoteLevel2(version, reason, Argument("alias", "champion"));
});

// The same kind of service as level 1 (services.cake), its model from the registry in the CLI's store.
BackgroundServer StartLevel2Service(FilePath logFile) =>
    StartPublishedService(
        "level-2 service", Level2PublishFolder, "TaxiDuration.Level2.Api.dll",
        new Dictionary<string, string> { ["TAXI_TRACKING_DIR"] = Level2TrackingFolder.FullPath },
        () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"), logFile);

// The level-2 promise: after a promotion and a restart, the service answers with the promoted registry version.
void CheckServedVersion(BackgroundServer server, string expected)
{
    const string ride = "{\"PULocationID\": 43, \"DOLocationID\": 151, \"trip_distance\": 1.8}";
    using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
    using var response = http.Send(PostJson("/predict", ride));
    var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    if (!response.IsSuccessStatusCode)
    {
        throw new CakeException($"POST /predict answered {(int)response.StatusCode}: {body}");
    }

    using var json = JsonDocument.Parse(body);
    var served = json.RootElement.GetProperty("model_version").GetString();
    if (served != expected)
    {
        throw new CakeException($"The service serves '{served}', but the champion just promoted is '{expected}'.");
    }

    Information("POST /predict {0} → {1}: the service serves the new champion {2}", ride, body, served);
}

Task("Level2")
    .Description("Level 2, automated training: the tracked pipeline, promote the new version to champion, publish and start the level-2 API, check it serves that version.")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var trained = TrainLevel2(LevelResultPath(2));
    var registered = trained.Output("registered_version");
    PromoteLevel2(int.Parse(registered.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture), "level-2 ladder run", "champion");

    PublishRelease(Level2Folder.Combine("Api").CombineWithFilePath("Api.csproj"), Level2PublishFolder);
    using (var service = StartLevel2Service(Paths.Artifacts.CombineWithFilePath("level2/service.log")))
    {
        CheckServedVersion(service, registered);
    }

    RecordTargetSeconds(LevelResultPath(2), clock.Elapsed);
});

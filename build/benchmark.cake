// Benchmark: POST /predict under wrk -t2 -c32 against our level-1 service (Release publish, course-features linear
// model), the bare endpoint (the framework's ceiling, build/TaxiDuration.BareEndpoint), the course's Flask
// service under gunicorn, and the level-3 service twice: with everything level 3 adds on the request path (A/B,
// shadow, prediction log) and serving a LightGBM champion. Servers are measured in alternating rounds so a load spike from elsewhere hits all of
// them; CPU time per request (from /proc) is reported too, as it is far less sensitive to other load than req/s.
// Not part of CI or the ladder: throughput figures need an idle machine.
// Uses level 1's training and service helpers (level1.cake) and the server helpers (services.cake).
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;

const string BareName = "bare ASP.NET endpoint";
const string FlaskName = "course Flask + gunicorn";
const string Level3SplitName = "level 3: A/B + shadow + log";
const string Level3TreeName = "level 3: LightGBM champion";

var BenchmarkRounds = Argument("benchmark-rounds", 3);
var BenchmarkSeconds = Argument("benchmark-seconds", 10);
// .NET keeps optimising hot code for tens of seconds (tiered compilation with dynamic PGO): measured here, our
// service's CPU per request still fell from 27.7 to 21.6 µs over 40 s of load after a 5 s warm-up.
var BenchmarkWarmupSeconds = Argument("benchmark-warmup", 40);

public sealed record WrkRun(
    string Server, int Round, double RequestsPerSecond, double P99Milliseconds, long Requests, long FailedResponses,
    double? CpuMicrosecondsPerRequest);

public sealed record ServerSummary(
    string Server, double RequestsPerSecond, double P99Milliseconds, double? CpuMicrosecondsPerRequest, long FailedResponses);

public sealed record BenchmarkGoal(string Goal, string Measured, bool Met);

void EnsureBenchmarkTools()
{
    var missing = new List<string>();
    if (Context.Tools.Resolve("wrk") is null)
    {
        missing.Add("wrk");
    }

    if (Context.Tools.Resolve("gunicorn") is null)
    {
        missing.Add("gunicorn");
    }

    if (!FileExists(Level1Paths.SystemPython)
        || Run(Level1Paths.SystemPython, new ProcessArgumentBuilder().Append("-c").AppendQuoted("import sklearn, pandas, flask"), allowFailure: true).ExitCode != 0)
    {
        missing.AddRange(new[] { "python3-sklearn", "python3-pandas", "python3-flask" });
    }

    if (missing.Count == 0)
    {
        return;
    }

    var packages = string.Join(' ', missing);
    // Only a throwaway CI machine gets packages installed for it; a developer's machine is told what to install.
    if (EnvironmentVariable("CI") == "true" && System.Environment.UserName == "root")
    {
        Information($"Installing the benchmark's Debian packages: {packages}");
        Run("apt-get", new ProcessArgumentBuilder().Append("update"));
        Run("apt-get", new ProcessArgumentBuilder().Append("install").Append("-y").Append(packages));
        return;
    }

    throw new CakeException($"Benchmark needs Debian packages that are missing here: {packages}. Install them with: sudo apt-get update && sudo apt-get install -y {packages}");
}

// CPU seconds (user + system) used so far by a process and all its descendants (gunicorn's workers), or null off Linux.
double? ProcessTreeCpuSeconds(int rootProcessId)
{
    if (!System.IO.Directory.Exists("/proc"))
    {
        return null;
    }

    var processes = new Dictionary<int, (int Parent, long Ticks)>();
    foreach (var folder in System.IO.Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(System.IO.Path.GetFileName(folder), out var id))
        {
            continue;
        }

        string stat;
        try
        {
            stat = System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "stat"));
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            continue; // the process ended while we looked
        }

        // The command name (field 2) may hold spaces; after its closing parenthesis the fields are fixed:
        // state, ppid (field 4), ..., utime (14), stime (15).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        processes[id] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    var tree = new HashSet<int> { rootProcessId };
    for (var added = true; added;)
    {
        added = false;
        foreach (var (id, process) in processes)
        {
            if (tree.Contains(process.Parent) && tree.Add(id))
            {
                added = true;
            }
        }
    }

    // USER_HZ: clock ticks per second in /proc, 100 on every mainstream Linux build.
    return tree.Sum(id => processes.TryGetValue(id, out var process) ? process.Ticks : 0) / 100.0;
}

WrkRun RunWrk(BackgroundServer server, FilePath script, int seconds, int round)
{
    var cpuBefore = ProcessTreeCpuSeconds(server.ProcessId);
    var run = Run("wrk", new ProcessArgumentBuilder()
        .Append("-t2").Append("-c32").Append($"-d{seconds}s").Append("--latency")
        .Append("-s").AppendQuoted(script.FullPath)
        .Append(new Uri(server.Address, "/predict").ToString()), captureOutput: true);
    var cpuAfter = ProcessTreeCpuSeconds(server.ProcessId);

    Match Line(string pattern) =>
        run.Output.Select(line => Regex.Match(line, pattern)).FirstOrDefault(match => match.Success) ?? Match.Empty;
    double Number(Match match, int group = 1) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    var requestsPerSecond = Line(@"^Requests/sec:\s+([\d.]+)");
    var p99 = Line(@"^\s+99%\s+([\d.]+)(us|ms|s)\b");
    var requests = Line(@"^\s+(\d+) requests in");
    if (!requestsPerSecond.Success || !p99.Success || !requests.Success)
    {
        throw new CakeException($"Could not read requests/s, p99 and request count from wrk's output for {server.Name}.");
    }

    var p99Milliseconds = Number(p99) * p99.Groups[2].Value switch { "us" => 0.001, "ms" => 1.0, _ => 1000.0 };
    var non2xx = Line(@"Non-2xx or 3xx responses:\s+(\d+)");
    var socketErrors = Line(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
    var failed = (non2xx.Success ? (long)Number(non2xx) : 0)
        + (socketErrors.Success ? Enumerable.Range(1, 4).Sum(group => (long)Number(socketErrors, group)) : 0);
    var total = (long)Number(requests);
    double? cpuPerRequest = cpuBefore is { } before && cpuAfter is { } after && total > 0 ? (after - before) * 1e6 / total : null;
    return new WrkRun(server.Name, round, Number(requestsPerSecond), p99Milliseconds, total, failed, cpuPerRequest);
}

BackgroundServer StartBareEndpoint(DirectoryPath publish, FilePath logFile) =>
    StartPublishedService(
        BareName, publish, "TaxiDuration.BareEndpoint.dll", new Dictionary<string, string>(),
        () => PostJson("/predict", Level1SampleRide), logFile);

BackgroundServer StartCourseService(FilePath pickle, FilePath logFile)
{
    var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
    var server = BackgroundServer.Start(
        FlaskName, Context.Tools.Resolve("gunicorn").FullPath,
        new[] { "--workers", "2", "--bind", $"{address.Host}:{address.Port}", "course_service:app" },
        Level1Paths.CourseBench,
        new Dictionary<string, string> { ["MODEL"] = pickle.FullPath, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        address, logFile);
    return WaitUntilReadyOrStop(server, () => PostJson("/predict", Level1SampleRide));
}

// The level-3 rows' registry: two linear versions (champion, challenger) for the A/B + shadow service and one
// LightGBM version (alias `tree`) for the tree-champion service, trained like Level3 trains, in a store of its own.
DirectoryPath PrepareLevel3BenchmarkStore(DirectoryPath folder)
{
    var store = folder.Combine("tracking");
    CleanDirectory(store);
    foreach (var (candidate, alias) in new[] { ("linear", "champion"), ("linear", "challenger"), ("lightgbm", "tree") })
    {
        var arguments = LevelCli(3, "train")
            .Append("--train").AppendQuoted(TrainMonth).Append("--validation").AppendQuoted(ValidationMonth).Append("--test").Append("none")
            .Append("--candidates").Append(candidate).Append("--trials").Append("0").Append("--alias").Append(alias);
        AppendDataArguments(arguments);
        RequireSuccess(RunLevelTool(arguments, store), $"Registering the benchmark's {alias} model");
    }

    return store;
}

BackgroundServer StartLevel3Benchmark(
    string name, DirectoryPath publish, DirectoryPath store, IReadOnlyDictionary<string, string> rollout, FilePath logFile)
{
    var environment = new Dictionary<string, string>(OwnStoreEnvironment(store))
    {
        ["PredictionLog__Directory"] = logFile.GetDirectory().Combine(logFile.GetFilenameWithoutExtension() + "-predictions").FullPath,
    };
    foreach (var (key, value) in rollout)
    {
        environment[key] = value;
    }

    return StartPublishedService(name, publish, "TaxiDuration.Level3.Api.dll", environment, () => PostJson("/predict", Level1SampleRide), logFile);
}

Task("Benchmark")
    .Description("POST /predict throughput side by side (wrk -t2 -c32): level 1, a bare ASP.NET endpoint, the course's Flask service, level 3 with A/B + shadow + log, and level 3 serving LightGBM. Needs an idle machine; not in CI.")
    .Does(() =>
{
    EnsureBenchmarkTools();
    var folder = Paths.Artifacts.Combine("benchmark");
    var script = Level1Paths.CourseBench.CombineWithFilePath("predict.lua");
    var courseService = Level1Paths.CourseBench.CombineWithFilePath("course_service.py");
    var courseTrainCsv = Level1Paths.CourseCsv(TrainMonth);
    foreach (var needed in new[] { script, courseService, courseTrainCsv })
    {
        if (!FileExists(needed))
        {
            throw new CakeException($"Benchmark needs the course's anchors next to the repository: {needed} is missing.");
        }
    }

    var loadBefore = LoadAverage();
    Information($"Load average before: {loadBefore} ({System.Environment.ProcessorCount} cores). Throughput figures need an idle machine.");
    var training = TrainLevel1Model(folder.CombineWithFilePath("model.zip"), "linear", "course", folder.CombineWithFilePath("training-result.json"));
    PublishLevel1Api(folder.Combine("level1"));
    PublishRelease(Level1Paths.BareEndpointProject, folder.Combine("bare"));
    PublishRelease(Paths.Root.Combine("levels/level3/Api").CombineWithFilePath("Api.csproj"), folder.Combine("level3"));
    var level3Store = PrepareLevel3BenchmarkStore(folder);
    var pickle = folder.CombineWithFilePath("course-model.bin");
    Run(Level1Paths.SystemPython, new ProcessArgumentBuilder()
        .AppendQuoted(courseService.FullPath).Append("train").AppendQuoted(courseTrainCsv.FullPath).AppendQuoted(pickle.FullPath));

    var runs = new List<WrkRun>();
    var servers = new List<BackgroundServer>();
    try
    {
        servers.Add(StartLevel1Service(folder.Combine("level1"), training.ModelFile, folder.CombineWithFilePath("level1.log")));
        servers.Add(StartBareEndpoint(folder.Combine("bare"), folder.CombineWithFilePath("bare.log")));
        servers.Add(StartCourseService(pickle, folder.CombineWithFilePath("flask.log")));
        // Everything level 3 adds on the request path: a 50/50 split, the challenger shadow-scoring every request,
        // every prediction logged.
        servers.Add(StartLevel3Benchmark(Level3SplitName, folder.Combine("level3"), level3Store, new Dictionary<string, string>
        {
            ["Rollout__Variants__0__Name"] = "champion", ["Rollout__Variants__0__ModelUri"] = "taxi-duration@champion", ["Rollout__Variants__0__Weight"] = "0.5",
            ["Rollout__Variants__1__Name"] = "challenger", ["Rollout__Variants__1__ModelUri"] = "taxi-duration@challenger", ["Rollout__Variants__1__Weight"] = "0.5",
        }, folder.CombineWithFilePath("level3-split.log")));
        // A tree model as the only variant (the shadow configured in appsettings.json samples nothing).
        servers.Add(StartLevel3Benchmark(Level3TreeName, folder.Combine("level3"), level3Store, new Dictionary<string, string>
        {
            ["Rollout__Variants__0__Name"] = "champion", ["Rollout__Variants__0__ModelUri"] = "taxi-duration@tree",
            ["Rollout__Shadow__SampleShare"] = "0",
        }, folder.CombineWithFilePath("level3-tree.log")));
        foreach (var server in servers)
        {
            // Warm-up: tiered JIT and connection pools settle before anything is measured.
            Information($"Warming up {server.Name} for {BenchmarkWarmupSeconds} s …");
            RunWrk(server, script, BenchmarkWarmupSeconds, round: 0);
        }

        for (var round = 1; round <= BenchmarkRounds; round++)
        {
            foreach (var server in servers)
            {
                runs.Add(RunWrk(server, script, BenchmarkSeconds, round));
            }
        }
    }
    finally
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }
    }

    var loadAfter = LoadAverage();
    var summaries = runs.GroupBy(run => run.Server).Select(group => new ServerSummary(
        group.Key,
        group.Average(run => run.RequestsPerSecond),
        group.Average(run => run.P99Milliseconds),
        group.All(run => run.CpuMicrosecondsPerRequest.HasValue) ? group.Average(run => run.CpuMicrosecondsPerRequest.Value) : null,
        group.Sum(run => run.FailedResponses))).ToDictionary(summary => summary.Server);
    var ours = summaries[Level1ServiceName];
    var bare = summaries[BareName];
    var flask = summaries[FlaskName];
    var split = summaries[Level3SplitName];
    var tree = summaries[Level3TreeName];
    var goals = new[]
    {
        new BenchmarkGoal("level 3 A/B + shadow + log / level 1 ≥ 60 %", FormattableString.Invariant($"{100 * split.RequestsPerSecond / ours.RequestsPerSecond:0} %"), split.RequestsPerSecond >= 0.6 * ours.RequestsPerSecond),
        new BenchmarkGoal("level 3 A/B + shadow + log p99 ≤ 10 ms", FormattableString.Invariant($"{split.P99Milliseconds:0.0} ms"), split.P99Milliseconds <= 10),
        new BenchmarkGoal("LightGBM champion / level 1 ≥ 60 %", FormattableString.Invariant($"{100 * tree.RequestsPerSecond / ours.RequestsPerSecond:0} %"), tree.RequestsPerSecond >= 0.6 * ours.RequestsPerSecond),
        new BenchmarkGoal("LightGBM champion / Flask ≥ 10×", FormattableString.Invariant($"{tree.RequestsPerSecond / flask.RequestsPerSecond:0.0}×"), tree.RequestsPerSecond >= 10 * flask.RequestsPerSecond),
        new BenchmarkGoal("ours / Flask ≥ 15×", FormattableString.Invariant($"{ours.RequestsPerSecond / flask.RequestsPerSecond:0.0}×"), ours.RequestsPerSecond >= 15 * flask.RequestsPerSecond),
        new BenchmarkGoal("ours / bare ≥ 70 %", FormattableString.Invariant($"{100 * ours.RequestsPerSecond / bare.RequestsPerSecond:0} %"), ours.RequestsPerSecond >= 0.7 * bare.RequestsPerSecond),
        new BenchmarkGoal("ours p99 ≤ 5 ms", FormattableString.Invariant($"{ours.P99Milliseconds:0.0} ms"), ours.P99Milliseconds <= 5),
    };

    string Cpu(double? microseconds) => microseconds is { } value ? FormattableString.Invariant($"{value:0.0}") : "n/a";
    var report = new StringBuilder()
        .AppendLine("# Serving benchmark: POST /predict, side by side")
        .AppendLine()
        .AppendLine(FormattableString.Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {System.Environment.ProcessorCount} cores; load average before {loadBefore}, after {loadAfter}."))
        .AppendLine(FormattableString.Invariant($"`wrk -t2 -c32 -d{BenchmarkSeconds}s --latency -s predict.lua`, {BenchmarkRounds} alternating round(s) after a {BenchmarkWarmupSeconds} s warm-up of each server."))
        .AppendLine(FormattableString.Invariant($"Our model: linear on course features, {training.DataDescription}, validation RMSE {training.Rmse:0.0000}, version `{training.Version}`; Flask's: scikit-learn on {courseTrainCsv.GetFilename()}."))
        .AppendLine()
        .AppendLine("| server | round | requests/s | p99 (ms) | CPU µs/request | failed |")
        .AppendLine("|---|---:|---:|---:|---:|---:|");
    foreach (var run in runs.OrderBy(run => run.Server).ThenBy(run => run.Round))
    {
        report.AppendLine(FormattableString.Invariant(
            $"| {run.Server} | {run.Round} | {run.RequestsPerSecond:N0} | {run.P99Milliseconds:0.00} | {Cpu(run.CpuMicrosecondsPerRequest)} | {run.FailedResponses} |"));
    }

    foreach (var summary in summaries.Values)
    {
        report.AppendLine(FormattableString.Invariant(
            $"| **{summary.Server}** | mean | **{summary.RequestsPerSecond:N0}** | {summary.P99Milliseconds:0.00} | {Cpu(summary.CpuMicrosecondsPerRequest)} | {summary.FailedResponses} |"));
    }

    report.AppendLine().AppendLine("| goal | measured | verdict |").AppendLine("|---|---:|---|");
    foreach (var goal in goals)
    {
        report.AppendLine($"| {goal.Goal} | {goal.Measured} | {(goal.Met ? "PASS" : "MISS")} |");
    }

    if (ours.CpuMicrosecondsPerRequest is { } oursCpu && bare.CpuMicrosecondsPerRequest is { } bareCpu && flask.CpuMicrosecondsPerRequest is { } flaskCpu)
    {
        report.AppendLine().AppendLine(FormattableString.Invariant(
            $"By CPU time per request (far less sensitive to other load than requests/s): ours {oursCpu:0.0} µs, bare {bareCpu:0.0} µs, Flask {flaskCpu:0.0} µs: ours needs {flaskCpu / oursCpu:0.0}× less CPU than Flask and runs at {100 * bareCpu / oursCpu:0} % of the bare endpoint's efficiency."));
    }

    EnsureDirectoryExists(folder);
    System.IO.File.WriteAllText(folder.CombineWithFilePath("serving.md").FullPath, report.ToString());
    System.IO.File.WriteAllText(folder.CombineWithFilePath("serving.json").FullPath, JsonSerializer.Serialize(
        new { LoadAverageBefore = loadBefore, LoadAverageAfter = loadAfter, BenchmarkSeconds, Model = training.Version, Data = training.DataDescription, Runs = runs, Summaries = summaries.Values, Goals = goals },
        ResultJson));
    Information(report.ToString());
    Information($"Benchmark report: {folder.CombineWithFilePath("serving.md")}");
    if (new[] { ours, bare, split, tree }.Any(summary => summary.FailedResponses > 0))
    {
        throw new CakeException("A .NET server answered requests with errors during the benchmark: its figures are not valid (see the logs in artifacts/benchmark/).");
    }
});

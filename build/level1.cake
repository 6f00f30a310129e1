// Level 1, DevOps without MLOps. Three targets share the steps below:
//   Level1     train (the level's CLI) → tests → publish (the Dockerfile's command) → serve on loopback →
//              smoke-test /predict → stop; writes artifacts/level1/result.json for the ladder.
//   Release    what a v* tag runs in GitHub Actions: tests, train, publish, smoke test, then image + GitHub release.
//   Benchmark  /predict throughput against the bare endpoint and the course's Flask service (needs an idle machine).
// Services run as child processes on free loopback ports and are always stopped, also when a step fails.
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

var Level1Trainer = Argument("level1-model", "linear");

// Names of the servers the build starts (logs, benchmark tables).
const string OursName = "level-1 service";
const string BareName = "bare ASP.NET endpoint";
const string FlaskName = "course Flask + gunicorn";


public static class Level1Paths
{
    public static DirectoryPath Folder => Paths.Artifacts.Combine("level1");
    public static FilePath TrainingProject => Paths.Root.CombineWithFilePath("levels/level1/TaxiDuration.Level1.Training/TaxiDuration.Level1.Training.csproj");
    public static FilePath ApiProject => Paths.Root.CombineWithFilePath("levels/level1/TaxiDuration.Level1.Api/TaxiDuration.Level1.Api.csproj");
    public static string ApiAssembly => "TaxiDuration.Level1.Api.dll";
    public static FilePath BareEndpointProject => Paths.BuildTools.CombineWithFilePath("TaxiDuration.BareEndpoint/TaxiDuration.BareEndpoint.csproj");
    public static string[] TestProjects => new[] { "tests/TaxiDuration.Training.Tests", "tests/TaxiDuration.Serving.Tests" };

    // The course's Python anchors live next to the repository (../shared/bench), never inside it.
    public static DirectoryPath CourseBench => Paths.Root.Combine("../shared/bench").Collapse();
    public static FilePath CourseCsv(string month) => CourseBench.Combine("data").CombineWithFilePath($"green_tripdata_{month}.csv");

    // Debian's interpreter: the apt packages python3-sklearn/pandas/flask install into it, not into a pyenv.
    public const string SystemPython = "/usr/bin/python3";
}

// What one run of the training CLI produced, read from its RESULT line and its per-month lines.
public sealed record Level1Training(
    FilePath ModelFile, string Trainer, double Rmse, double FitSeconds, int TrainRows, int ValidationRows,
    string DataOrigin, string DataFolder, string Version, TimeSpan WallTime)
{
    public FilePath MetricsFile => ModelFile.ChangeExtension(".metrics.json");
    public bool IsSynthetic => DataOrigin == "Synthetic";
    public string DataDescription => IsSynthetic ? $"SYNTHETIC ({DataFolder})" : $"{DataOrigin.ToLowerInvariant()} ({DataFolder})";
}

// Trains with the level-1 CLI. allowSynthetic lets a machine without the real months (no TAXI_DATA_DIR, no network)
// still run; the result says which data it used.
Level1Training TrainLevel1Model(FilePath modelFile, string trainer, string features, bool allowSynthetic)
{
    EnsureDirectoryExists(modelFile.GetDirectory());
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(Level1Paths.TrainingProject.FullPath)
        .Append("--configuration").Append(Configuration)
        .Append("--")
        .Append("--train").Append(TrainMonth)
        .Append("--validation").Append(ValidationMonth)
        .Append("--model").Append(trainer)
        .Append("--out").AppendQuoted(modelFile.FullPath);
    if (features is not null)
    {
        arguments.Append("--features").Append(features);
    }

    if (allowSynthetic)
    {
        arguments.Append("--allow-synthetic");
    }

    if (HasArgument("offline"))
    {
        arguments.Append("--offline");
    }

    var run = Run("dotnet", arguments, captureOutput: true);
    var result = run.Output.Select(line => Regex.Match(line, @"^RESULT (.*)$")).LastOrDefault(match => match.Success)
        ?? throw new CakeException("The level-1 training CLI printed no RESULT line.");
    var fields = Regex.Matches(result.Groups[1].Value, @"(\w+)=(\S+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    string Field(string name) => fields.TryGetValue(name, out var value)
        ? value
        : throw new CakeException($"The training CLI's RESULT line has no '{name}=': {result.Value}");
    double Number(string name) => double.Parse(Field(name), CultureInfo.InvariantCulture);
    var rows = Field("rows").Split('/');
    var trainFile = run.Output.Select(line => Regex.Match(line, @"^\s+train: \w+ data (.+): [\d,]+ rows")).FirstOrDefault(match => match.Success);
    var dataFolder = trainFile is null ? "unknown folder" : System.IO.Path.GetDirectoryName(trainFile.Groups[1].Value);

    var training = new Level1Training(
        modelFile, Field("model"), Number("rmse"), Number("fit_s"),
        int.Parse(rows[0], CultureInfo.InvariantCulture), int.Parse(rows[1], CultureInfo.InvariantCulture),
        Field("data"), dataFolder, Field("version"), run.Elapsed);
    var dataNote = training.IsSynthetic ? "SYNTHETIC data: the figures say nothing about real taxi trips" : $"{training.DataOrigin} TLC data";
    Information(FormattableString.Invariant(
        $"Trained {training.Trainer} on {dataNote} from {training.DataFolder}: validation RMSE {training.Rmse:0.0000}, fit {training.FitSeconds:0.000} s, rows {training.TrainRows:N0} / {training.ValidationRows:N0}, version {training.Version}"));
    return training;
}

// The Dockerfile runs exactly this publish (always Release), so a green build proves the image's build step.
void PublishLevel1Api(DirectoryPath output) => PublishRelease(Level1Paths.ApiProject, output);

void PublishRelease(FilePath project, DirectoryPath output)
{
    CleanDirectory(output);
    Run("dotnet", new ProcessArgumentBuilder()
        .Append("publish").AppendQuoted(project.GetDirectory().FullPath)
        .Append("-c").Append("Release")
        .Append("-o").AppendQuoted(output.FullPath));
}

void RunLevel1Tests()
{
    foreach (var project in Level1Paths.TestProjects)
    {
        Run("dotnet", new ProcessArgumentBuilder().Append("test").AppendQuoted(project).Append("--configuration").Append(Configuration));
    }
}

// A server started by the build: its output goes to a log file (shown when it fails), and Dispose stops it
// with its whole process tree (gunicorn's workers included).
public sealed class BackgroundServer : IDisposable
{
    private readonly System.Diagnostics.Process process;
    private readonly TextWriter log;

    private BackgroundServer(string name, System.Diagnostics.Process process, TextWriter log, FilePath logFile, Uri address)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogFile = logFile;
        Address = address;
    }

    public string Name { get; }
    public FilePath LogFile { get; }
    public Uri Address { get; }
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    public static BackgroundServer Start(
        string name, string fileName, IEnumerable<string> arguments, DirectoryPath workingDirectory,
        IReadOnlyDictionary<string, string> environment, Uri address, FilePath logFile)
    {
        System.IO.Directory.CreateDirectory(logFile.GetDirectory().FullPath);
        var log = TextWriter.Synchronized(new StreamWriter(logFile.FullPath, append: false) { AutoFlush = true });
        var start = new System.Diagnostics.ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory.FullPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BackgroundServer(name, process, log, logFile, address);
    }

    public string LogTail(int lines = 30)
    {
        var all = System.IO.File.ReadAllLines(LogFile.FullPath);
        return string.Join(System.Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        finally
        {
            process.Dispose();
            log.Dispose();
        }
    }
}

// A port the OS just handed out on loopback; free again once the listener stops, so a server can take it.
int FreeLoopbackPort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    try
    {
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    finally
    {
        listener.Stop();
    }
}

// Polls until the probe answers 2xx; fails early (with the server's log) when the process dies.
void WaitUntilReady(BackgroundServer server, Func<HttpRequestMessage> probe, TimeSpan timeout)
{
    using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (true)
    {
        if (server.HasExited)
        {
            throw new CakeException($"{server.Name} exited before it was ready. Last lines of {server.LogFile}:{System.Environment.NewLine}{server.LogTail()}");
        }

        try
        {
            using var response = http.Send(probe());
            if (response.IsSuccessStatusCode)
            {
                Information($"{server.Name} is ready at {server.Address} after {clock.Elapsed.TotalSeconds:0.0} s (pid {server.ProcessId}, log {server.LogFile})");
                return;
            }
        }
        catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet: keep polling until the timeout.
        }

        if (clock.Elapsed > timeout)
        {
            throw new CakeException($"{server.Name} was not ready within {timeout.TotalSeconds:0} s. Last lines of {server.LogFile}:{System.Environment.NewLine}{server.LogTail()}");
        }

        System.Threading.Thread.Sleep(250);
    }
}

// Starts a published ASP.NET host from its publish folder (the content root, so its appsettings.json applies, as in
// the image) on a free loopback port and returns once the probe answers; stops it if it never does.
BackgroundServer StartPublishedService(
    string name, DirectoryPath publish, string assembly, IReadOnlyDictionary<string, string> environment,
    Func<HttpRequestMessage> readyProbe, FilePath logFile)
{
    var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
    var variables = new Dictionary<string, string>(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
    var server = BackgroundServer.Start(
        name, "dotnet", new[] { publish.CombineWithFilePath(assembly).FullPath, "--urls", address.ToString().TrimEnd('/') },
        publish, variables, address, logFile);
    return WaitUntilReadyOrStop(server, readyProbe);
}

BackgroundServer WaitUntilReadyOrStop(BackgroundServer server, Func<HttpRequestMessage> probe)
{
    try
    {
        WaitUntilReady(server, probe, TimeSpan.FromSeconds(90));
        return server;
    }
    catch
    {
        server.Dispose();
        throw;
    }
}

BackgroundServer StartLevel1Service(DirectoryPath publish, FilePath model, FilePath logFile) =>
    StartPublishedService(
        OursName, publish, Level1Paths.ApiAssembly, new Dictionary<string, string> { ["Model__Path"] = model.FullPath },
        () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"), logFile);

const string Level1SampleRide = "{\"PULocationID\": 43, \"DOLocationID\": 151, \"trip_distance\": 1.01}";

HttpRequestMessage PostJson(string path, string json) =>
    new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

// One good ride must be scored by the model that was just trained; one bad ride must be a client error that
// names the field, never a 5xx.
void SmokeTestLevel1Service(BackgroundServer server, Level1Training training)
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

    if (version != training.Version)
    {
        throw new CakeException($"POST /predict served model_version '{version}', but the model just trained is '{training.Version}'.");
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

// Publish, serve the trained model, smoke-test it, and stop the service whatever happened.
void PublishAndSmokeTestLevel1(DirectoryPath publish, Level1Training training)
{
    PublishLevel1Api(publish);
    using var service = StartLevel1Service(publish, training.ModelFile, publish.GetParent().CombineWithFilePath("service.log"));
    SmokeTestLevel1Service(service, training);
}

// The level-1 brief: linear fit within 1 s. Put next to the course's scikit-learn fit on the same months, when the
// course anchor and a Python with scikit-learn are on this machine.
void CompareLinearFitWithScikitLearn(Level1Training training)
{
    var anchor = Level1Paths.CourseBench.CombineWithFilePath("course_anchor.py");
    var trainCsv = Level1Paths.CourseCsv(TrainMonth);
    var validationCsv = Level1Paths.CourseCsv(ValidationMonth);
    Information(FormattableString.Invariant($"linear fit: ours {training.FitSeconds:0.000} s (goal ≤ 1 s)"));
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
    var fit = run.Output.Select(line => Regex.Match(line, @"^linear .*fit_s=([\d.]+)")).FirstOrDefault(match => match.Success);
    if (run.ExitCode != 0 || fit is null)
    {
        Warning($"scikit-learn comparison skipped: course_anchor.py failed (exit code {run.ExitCode}).");
        return;
    }

    var theirs = double.Parse(fit.Groups[1].Value, CultureInfo.InvariantCulture);
    var caveat = training.IsSynthetic ? " — not like for like: ours ran on SYNTHETIC data, scikit-learn on the real CSV months" : "";
    Information(FormattableString.Invariant(
        $"linear fit: ours {training.FitSeconds:0.000} s vs scikit-learn {theirs:0.000} s (ratio {training.FitSeconds / theirs:0.00}){caveat}"));
}

Task("Level1")
    .Description("Level 1, DevOps without MLOps: train (CLI) → tests → publish → serve on loopback → smoke-test /predict → stop.")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    Information(DataSource.RealDirectory is null
        ? $"{DataSource.Variable} is not set: training uses data/ (downloading when online) and falls back to SYNTHETIC months."
        : $"Training on the real months in {DataSource.Variable}={DataSource.RealDirectory}.");
    var training = TrainLevel1Model(
        Level1Paths.Folder.CombineWithFilePath("model.zip"), Level1Trainer, features: null, allowSynthetic: DataSource.RealDirectory is null);
    if (training.Trainer == "linear")
    {
        CompareLinearFitWithScikitLearn(training);
    }

    RunLevel1Tests();
    PublishAndSmokeTestLevel1(Level1Paths.Folder.Combine("publish"), training);

    WriteLevelResult(new LevelResult(
        Level: 1,
        Maturity: "DevOps, no MLOps",
        WhatRan: FormattableString.Invariant(
            $"levels/level1: training CLI ({training.Trainer}, fit {training.FitSeconds:0.00} s) → tests → publish → service smoke test; time = training CLI"),
        Data: training.DataDescription,
        TrainRows: training.TrainRows,
        ValidationRows: training.ValidationRows,
        ValidationRmse: training.Rmse,
        // Wall time of the training CLI (build included), comparable with level 0's script run.
        Seconds: Math.Round(training.WallTime.TotalSeconds, 1)));
    Information($"Level 1 passed end to end in {clock.Elapsed.TotalSeconds:0} s (training {training.WallTime.TotalSeconds:0} s).");
});

// ---------------------------------------------------------------------------------------------------------------
// Release: on a v* tag (level1-release.yml). Outside GitHub Actions it prints the shipping commands instead.
var ReleaseTag = Argument("release-tag", EnvironmentVariable("GITHUB_REF_NAME") ?? "v0.0.0-local");

Task("Release")
    .Description("Tests, trains, publishes and smoke-tests level 1, then (in GitHub Actions) pushes the image to GHCR and creates the GitHub release.")
    .IsDependentOn("Test")
    .Does(() =>
{
    var folder = Paths.Artifacts.Combine("release");
    // A released model must come from real data; --allow-synthetic exists only to rehearse the release offline.
    var training = TrainLevel1Model(folder.CombineWithFilePath("model.zip"), Level1Trainer, features: null, allowSynthetic: HasArgument("allow-synthetic"));
    PublishAndSmokeTestLevel1(folder.Combine("publish"), training);

    var repository = (EnvironmentVariable("GITHUB_REPOSITORY") ?? "OWNER/REPO").ToLowerInvariant(); // GHCR names are lower case
    var image = $"ghcr.io/{repository}:{ReleaseTag}";
    var notes = folder.CombineWithFilePath("release-notes.md");
    System.IO.File.WriteAllText(notes.FullPath, FormattableString.Invariant($"""
        Level 1 service image `{image}` and the model it was tested with.

        - model: {training.Trainer}, version `{training.Version}`
        - trained on {TrainMonth}, validated on {ValidationMonth} ({training.DataDescription}): {training.TrainRows:N0} / {training.ValidationRows:N0} rows
        - validation RMSE {training.Rmse:0.0000} minutes; fit {training.FitSeconds:0.000} s

        Run: `docker run -p 8080:8080 -v "$PWD/models:/models:ro" {image}` with `model.zip` in `./models`.
        """));

    var commands = new (string Tool, ProcessArgumentBuilder Arguments)[]
    {
        ("docker", new ProcessArgumentBuilder().Append("build").Append("--build-arg").Append("LEVEL=1").Append("-t").Append(image).Append(".")),
        ("docker", new ProcessArgumentBuilder().Append("push").Append(image)),
        ("gh", new ProcessArgumentBuilder().Append("release").Append("create").Append(ReleaseTag)
            .AppendQuoted(training.ModelFile.FullPath).AppendQuoted(training.MetricsFile.FullPath)
            .Append("--title").AppendQuoted($"{ReleaseTag}: level 1 service and model")
            .Append("--notes-file").AppendQuoted(notes.FullPath)
            .Append("--verify-tag")),
    };
    var inGitHubActions = EnvironmentVariable("GITHUB_ACTIONS") == "true";
    foreach (var (tool, arguments) in commands)
    {
        if (inGitHubActions)
        {
            Run(tool, arguments);
        }
        else
        {
            Information($"Not in GitHub Actions; would run: {tool} {arguments.Render()}");
        }
    }
});

// ---------------------------------------------------------------------------------------------------------------
// Benchmark: POST /predict under wrk -t2 -c32 against our level-1 service (Release publish, course-features linear
// model), the bare endpoint (the framework's ceiling, build/TaxiDuration.BareEndpoint) and the course's Flask
// service under gunicorn. Servers are measured in alternating rounds so a load spike from elsewhere hits all of
// them; CPU time per request (from /proc) is reported too, as it is far less sensitive to other load than req/s.
// Not part of CI or the ladder: throughput figures need an idle machine.
var BenchmarkRounds = Argument("benchmark-rounds", 3);
var BenchmarkSeconds = Argument("benchmark-seconds", 10);

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

string LoadAverage() =>
    FileExists("/proc/loadavg") ? string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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

Task("Benchmark")
    .Description("POST /predict throughput side by side (wrk -t2 -c32): level 1 vs. a bare ASP.NET endpoint vs. the course's Flask service. Needs an idle machine; not in CI.")
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
    var training = TrainLevel1Model(folder.CombineWithFilePath("model.zip"), "linear", "course", allowSynthetic: DataSource.RealDirectory is null);
    PublishLevel1Api(folder.Combine("level1"));
    PublishRelease(Level1Paths.BareEndpointProject, folder.Combine("bare"));
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
        foreach (var server in servers)
        {
            // Warm-up: tiered JIT and connection pools settle before anything is measured.
            Information($"Warming up {server.Name} …");
            RunWrk(server, script, 5, round: 0);
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
    var ours = summaries[OursName];
    var bare = summaries[BareName];
    var flask = summaries[FlaskName];
    var goals = new[]
    {
        new BenchmarkGoal("ours / Flask ≥ 15×", FormattableString.Invariant($"{ours.RequestsPerSecond / flask.RequestsPerSecond:0.0}×"), ours.RequestsPerSecond >= 15 * flask.RequestsPerSecond),
        new BenchmarkGoal("ours / bare ≥ 70 %", FormattableString.Invariant($"{100 * ours.RequestsPerSecond / bare.RequestsPerSecond:0} %"), ours.RequestsPerSecond >= 0.7 * bare.RequestsPerSecond),
        new BenchmarkGoal("ours p99 ≤ 5 ms", FormattableString.Invariant($"{ours.P99Milliseconds:0.0} ms"), ours.P99Milliseconds <= 5),
    };

    string Cpu(double? microseconds) => microseconds is { } value ? FormattableString.Invariant($"{value:0.0}") : "n/a";
    var report = new StringBuilder()
        .AppendLine("# Serving benchmark: POST /predict, side by side")
        .AppendLine()
        .AppendLine(FormattableString.Invariant($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {System.Environment.ProcessorCount} cores; load average before {loadBefore}, after {loadAfter}."))
        .AppendLine(FormattableString.Invariant($"`wrk -t2 -c32 -d{BenchmarkSeconds}s --latency -s predict.lua`, {BenchmarkRounds} alternating round(s) after a 5 s warm-up of each server."))
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

    if (ours.CpuMicrosecondsPerRequest is { } oursCpu && bare.CpuMicrosecondsPerRequest is { } bareCpu)
    {
        report.AppendLine().AppendLine(FormattableString.Invariant(
            $"By CPU time per request (less sensitive to other load): ours {oursCpu:0.0} µs vs bare {bareCpu:0.0} µs = {100 * bareCpu / oursCpu:0} % of the ceiling's efficiency."));
    }

    EnsureDirectoryExists(folder);
    System.IO.File.WriteAllText(folder.CombineWithFilePath("serving.md").FullPath, report.ToString());
    System.IO.File.WriteAllText(folder.CombineWithFilePath("serving.json").FullPath, JsonSerializer.Serialize(
        new { LoadAverageBefore = loadBefore, LoadAverageAfter = loadAfter, BenchmarkSeconds, Model = training.Version, Data = training.DataDescription, Runs = runs, Summaries = summaries.Values, Goals = goals },
        ResultJson));
    Information(report.ToString());
    Information($"Benchmark report: {folder.CombineWithFilePath("serving.md")}");
    if (ours.FailedResponses > 0 || bare.FailedResponses > 0)
    {
        throw new CakeException("A .NET server answered requests with errors during the benchmark: its figures are not valid (see the logs in artifacts/benchmark/).");
    }
});

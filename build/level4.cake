// Level 4, full automated operations: the loop decides when to retrain. Level4 replays months (default: every real
// month in the data folder, in order) through it beside frozen, scheduled and oracle retraining, in a store of its
// own (artifacts/level4/tracking), and writes the report, its plots and result.json under artifacts/level4/. The
// level-4 champion's traffic goes through the level-3 service, unchanged, following that store: the loop's
// promotions reach it the way they would in production.
DirectoryPath Level4Artifacts => Paths.Artifacts.Combine("level4");

Task("Level4")
    .Description("Level 4: replays months through the monitor → trigger → retrain → gate → promote → watch loop and compares it with frozen, scheduled and oracle retraining: [--months=\"2020-03 2020-04 …\"].")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    CleanDirectory(Level4Artifacts);
    var store = Level4Artifacts.Combine("tracking");
    var publish = Level4Artifacts.Combine("service");
    PublishRelease(Paths.Root.Combine("levels/level3/Api").CombineWithFilePath("Api.csproj"), publish);
    var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
    var result = LevelResultPath(4);
    var arguments = LevelCli(4, "replay-loop")
        .Append("--out").AppendQuoted(Level4Artifacts.FullPath)
        .Append("--service").AppendQuoted(address.ToString().TrimEnd('/'))
        .Append("--result").AppendQuoted(result.FullPath);
    if (HasArgument("months"))
    {
        arguments.Append("--months");
        foreach (var month in Argument<string>("months").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            arguments.AppendQuoted(month);
        }
    }

    AppendDataArguments(arguments);
    var onPostgres = System.Environment.GetEnvironmentVariable("TAXI_TRACKING_POSTGRES") is { Length: > 0 };
    if (onPostgres)
    {
        // The service only reads a store and refuses one not yet created: any read-write command creates the schema.
        RequireSuccess(RunLevelTool(LevelCli(4, "models"), store), "Creating the level-4 store");
    }

    // The replay creates the store; the level-3 service (which only reads a store) starts once it exists and serves
    // the replay's first champion as soon as it is registered: the replay waits for that before sending traffic.
    var replaying = System.Threading.Tasks.Task.Run(() => RunLevelTool(arguments, store));
    var database = store.CombineWithFilePath("tracking.db");
    while (!onPostgres && !FileExists(database) && !replaying.IsCompleted)
    {
        System.Threading.Thread.Sleep(100);
    }

    if (replaying.IsCompleted)
    {
        RequireSuccess(replaying.GetAwaiter().GetResult(), "The level-4 replay");
    }

    var environment = new Dictionary<string, string>(OwnStoreEnvironment(store))
    {
        ["PredictionLog__Directory"] = Level4Artifacts.Combine("predictions").FullPath,
        ["Dashboard__LabelsDirectory"] = Level4Artifacts.Combine("labels").FullPath,
    };
    using (LaunchPublishedService("level-3 service (level 4)", publish, "TaxiDuration.Level3.Api.dll", environment, address, Level4Artifacts.CombineWithFilePath("service.log")))
    {
        RequireSuccess(replaying.GetAwaiter().GetResult(), "The level-4 replay");
    }

    RecordTargetSeconds(result, clock.Elapsed);
    var run = ReadLevelRun(result);
    Information($"Level 4: {run.Summary}. Report: {run.Output("summary_file")}");
});

Task("Loop")
    .Description("Level 4: one cycle of the scheduled monitor on your store (tracking/, or TAXI_TRACKING_DIR): the newest labelled month of the data folder against the champion; retrains, gates and promotes when the policy says so.")
    .Does(() =>
{
    var project = Paths.Root.Combine("levels/level4/Monitor");
    DotNetBuild(project.FullPath, new DotNetBuildSettings { Configuration = Configuration });
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(project.FullPath)
        .Append("--configuration").Append(Configuration).Append("--no-build")
        .Append("--").Append("--once");
    RequireSuccess(RunLevelTool(arguments), "The monitor cycle");
});

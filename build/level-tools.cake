// What every level's targets share: its training CLI started with `dotnet run`, and a store of its own for the
// targets that play a whole story. Kept apart from the level files so a fork of one level (dotnet new mlops-levelN,
// templates/) keeps these without the levels it leaves out.

// A level's training CLI, built once per build run (or not at all when the Build task built the solution) and
// started with `dotnet run --no-build` from the repository root: no bin/ path to guess, and relative paths
// (tracking/, artifacts/) resolve against the root. Arguments after the returned builder go to the CLI.
ProcessArgumentBuilder LevelTrainingCli(int level)
{
    var project = Paths.Root.Combine($"levels/level{level}/Training");
    if (!BuildState.SolutionBuilt && BuildState.BuiltLevelClis.Add(level))
    {
        DotNetBuild(project.FullPath, new DotNetBuildSettings { Configuration = Configuration });
    }

    return new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(project.FullPath)
        .Append("--configuration").Append(Configuration).Append("--no-build")
        .Append("--");
}

ProcessArgumentBuilder LevelCli(int level, string command) => LevelTrainingCli(level).Append(command);

// Runs a level CLI command (level 3 or 4) from the repository root, against the given store (null: the user's store).
int RunLevelTool(ProcessArgumentBuilder arguments, DirectoryPath store = null)
{
    var settings = new ProcessSettings { Arguments = arguments, WorkingDirectory = Paths.Root };
    if (store is not null)
    {
        settings.EnvironmentVariables = OwnStoreEnvironment(store);
    }

    return StartProcess("dotnet", settings);
}

// A target that plays a whole story (Level3, Level4, the benchmarks) keeps a store of its own, so every run starts
// from nothing: a folder under artifacts/ and, on PostgreSQL (TAXI_TRACKING_POSTGRES), a schema of that database named
// after the folder and the time the build started (the store creates it; drop it with DROP SCHEMA … CASCADE).

Dictionary<string, string> OwnStoreEnvironment(DirectoryPath store)
{
    var environment = new Dictionary<string, string> { ["TAXI_TRACKING_DIR"] = store.FullPath };
    if (System.Environment.GetEnvironmentVariable("TAXI_TRACKING_POSTGRES") is { Length: > 0 } server)
    {
        var folder = Paths.Artifacts.GetRelativePath(store).FullPath.ToLowerInvariant();
        var schema = System.Text.RegularExpressions.Regex.Replace(folder, "[^a-z0-9]+", "_").Trim('_') + "_" + BuildState.StartStamp;
        environment["TAXI_TRACKING_POSTGRES"] = $"{server.TrimEnd(';')};Search Path={schema}";
        if (BuildState.AnnouncedSchemas.Add(schema))
        {
            Information($"Store for {folder}: PostgreSQL schema {schema} (artifacts in {store.FullPath}/artifacts).");
        }
    }

    return environment;
}

void RequireSuccess(int exitCode, string what)
{
    if (exitCode != 0)
    {
        throw new CakeException($"{what} failed with exit code {exitCode} (see above).");
    }
}

// The one build entry point, locally and in CI:  ./build.sh [--target=X] [--configuration=Release]
//   [--train-month=2021-01] [--validation-month=2021-02]
// Targets live in the loaded files by concern. What every level needs is loaded first, by name (its values are read
// by the files after it); then every other file here: one per level (levelN.cake defines LevelN), level 1's release,
// the benchmarks. A fork of one level (dotnet new mlops-levelN) has only its own files, and builds the same way.
#load "paths.cake"
#load "build-data.cake"
#load "process.cake"
#load "data.cake"
#load "tests.cake"
#load "lint.cake"
#load "openapi.cake"
#load "results.cake"
#load "services.cake"
#load "levels.cake"
#load "level-tools.cake"
#load "*.cake"

var target = Argument("target", "Default");
// --tracking-postgres="Host=…;Database=…": every level-2+ process this build starts tracks in that PostgreSQL database
// instead of the embedded store (the hosts read TAXI_TRACKING_POSTGRES; exporting it yourself does the same).
var TrackingPostgres = Argument("tracking-postgres", "");

Setup<BuildData>(context =>
{
    if (TrackingPostgres.Length > 0)
    {
        System.Environment.SetEnvironmentVariable("TAXI_TRACKING_POSTGRES", TrackingPostgres);
    }

    Information($"Tracking: {(System.Environment.GetEnvironmentVariable("TAXI_TRACKING_POSTGRES") is { Length: > 0 } ? "PostgreSQL (TAXI_TRACKING_POSTGRES)" : "embedded SQLite store")}");
    Information($"Repository: {Paths.Root}");
    Information($"Configuration: {Configuration}; months: train {TrainMonth}, validation {ValidationMonth}");
    Information(DataSource.Describe());
    return new BuildData();
});

TaskSetup(context =>
{
    if (OnGitHubActions)
    {
        GitHubActions.Commands.StartGroup(context.Task.Name);
    }
});

TaskTeardown(context =>
{
    if (OnGitHubActions)
    {
        GitHubActions.Commands.EndGroup();
    }
});

Task("Clean")
    .Description("Removes build output, test results and artifacts/.")
    .Does(() =>
{
    DotNetClean(Paths.Solution.FullPath, new DotNetCleanSettings { Configuration = Configuration });
    CleanDirectory(Paths.Artifacts);
});

Task("Restore")
    .Description("Restores local tools and NuGet packages.")
    .Does(() =>
{
    DotNetToolRestore();
    DotNetRestore(Paths.Solution.FullPath);
});

Task("Build")
    .Description("Builds Template.sln (warnings are errors).")
    .IsDependentOn("Restore")
    .Does<BuildData>(data =>
{
    DotNetBuild(Paths.Solution.FullPath, new DotNetBuildSettings { Configuration = Configuration, NoRestore = true });
    data.SolutionBuilt = true;
});

var ci = Task("CI")
    .Description("What every push runs: build, tests with coverage, the OpenAPI documents, workflow lint, the level diffs page (and, in the template repository, the levels page and the templates), level 0 and level 1 end to end where present (level 1's tests already ran in Test).")
    .IsDependentOn("Build")
    .IsDependentOn("Test")
    .IsDependentOn("CheckOpenApi")
    .IsDependentOn("LintWorkflows")
    .IsDependentOn("CheckLevelDiffs");

Task("Default")
    .Description("The level ladder: runs every level end to end and writes artifacts/ladder.md.")
    .IsDependentOn("Ladder");

// The levels this build has, in order: the ladder runs them all; CI runs levels 0 and 1, short enough for every push.
var levelTargets = Tasks.Select(task => task.Name)
    .Where(name => System.Text.RegularExpressions.Regex.IsMatch(name, "^Level[0-9]$"))
    .Order(StringComparer.Ordinal)
    .ToList();
foreach (var level in levelTargets)
{
    ladder.IsDependentOn(level);
}

foreach (var level in levelTargets.Where(name => name is "Level0" or "Level1"))
{
    ci.IsDependentOn(level);
}

// The template repository checks its dotnet new templates (templates.cake) and the levels page (levels-page.cake);
// a fork has neither.
foreach (var check in new[] { "CheckTemplates", "CheckLevelsPage" }.Where(name => Tasks.Any(task => task.Name == name)))
{
    ci.IsDependentOn(check);
}

RunTarget(target);

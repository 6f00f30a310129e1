// The one build entry point, locally and in CI:  ./build.sh [--target=X] [--configuration=Release]
//   [--train-month=2021-01] [--validation-month=2021-02]
// Targets live in the loaded files by concern; a new level adds its target in levels.cake and one
// IsDependentOn line on "Ladder".
#load "paths.cake"
#load "build-data.cake"
#load "process.cake"
#load "data.cake"
#load "tests.cake"
#load "lint.cake"
#load "results.cake"
#load "levels.cake"
#load "level1.cake"
#load "level2.cake"
#load "level3.cake"
#load "level4.cake"
#load "release.cake"
#load "scale.cake"

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

Task("CI")
    .Description("What every push runs: build, tests with coverage, workflow lint, level 0, level 1 end to end (its tests already ran in Test).")
    .IsDependentOn("Build")
    .IsDependentOn("Test")
    .IsDependentOn("LintWorkflows")
    .IsDependentOn("CheckLevelDiffs")
    .IsDependentOn("CheckLevelsPage")
    .IsDependentOn("Level0")
    .IsDependentOn("Level1");

Task("Default")
    .Description("The level ladder: runs every level end to end and writes artifacts/ladder.md.")
    .IsDependentOn("Ladder");

RunTarget(target);

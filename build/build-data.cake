// What one build run learns as it goes, shared between tasks through Cake's typed data (Setup<BuildData> in
// build.cake; tasks and helpers read it with BuildState) rather than script-level mutable fields.
public sealed class BuildData
{
    /// <summary>Template.sln was built in this run (the Build task): later steps pass --no-build.</summary>
    public bool SolutionBuilt { get; set; }

    /// <summary>Every test project passed in this run (the Test task): Level1 does not run its share again.</summary>
    public bool TestsPassed { get; set; }

    /// <summary>Level CLIs built by this run when the solution was not (a level target run on its own).</summary>
    public HashSet<int> BuiltLevelClis { get; } = new();

    /// <summary>The PostgreSQL schemas of stories' own stores, announced once each.</summary>
    public HashSet<string> AnnouncedSchemas { get; } = new();

    /// <summary>When this run started, in a form a schema name can hold: a story's store on PostgreSQL is named by it.</summary>
    public string StartStamp { get; } = DateTime.UtcNow.ToString("yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture);
}

BuildData BuildState => Context.Data.Get<BuildData>();

// On GitHub Actions: each task's log in a group of its own, and Markdown for the job's summary page.
bool OnGitHubActions => BuildSystem.GitHubActions.IsRunningOnGitHubActions;

void AddToJobSummary(string markdown)
{
    if (OnGitHubActions)
    {
        GitHubActions.Commands.SetStepSummary(markdown);
    }
}

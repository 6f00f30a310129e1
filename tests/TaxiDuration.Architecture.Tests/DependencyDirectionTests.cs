namespace TaxiDuration.Architecture.Tests;

/// <summary>
/// The building blocks in src/ depend one way, by an explicit map of what each may reference (the brief's data →
/// features → model → training → tracking/registry → pipeline → deployment → automation; serving and monitoring
/// beside them). A reference that is not in the map fails, so a new dependency is a deliberate edit here.
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string Trips = "TaxiDuration.Trips";
    private const string Reporting = "TaxiDuration.Reporting";
    private const string Plots = "TaxiDuration.Reporting.Plots";
    private const string Data = "TaxiDuration.Data";
    private const string Features = "TaxiDuration.Features";
    private const string Tracking = "TaxiDuration.Tracking";
    private const string Sqlite = "TaxiDuration.Tracking.Sqlite";
    private const string Postgres = "TaxiDuration.Tracking.Postgres";
    private const string TrackingHosting = "TaxiDuration.Tracking.Hosting";
    private const string TrackingHostingCommands = "TaxiDuration.Tracking.Hosting.Commands";
    private const string Model = "TaxiDuration.Model";
    private const string Monitoring = "TaxiDuration.Monitoring";
    private const string CommandLine = "TaxiDuration.CommandLine";
    private const string Training = "TaxiDuration.Training";
    private const string Pipeline = "TaxiDuration.TrainingPipeline";
    private const string Deployment = "TaxiDuration.Deployment";
    private const string ServiceDefaults = "TaxiDuration.ServiceDefaults";
    private const string Serving = "TaxiDuration.Serving";
    private const string PredictionLog = "TaxiDuration.PredictionLog";
    private const string Automation = "TaxiDuration.Automation";
    private const string Dashboard = "TaxiDuration.Dashboard";

    /// <summary>Every src project and what it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // Leaves: the trip vocabulary, Markdown and result files, the web service defaults.
        [Trips] = [],
        [Reporting] = [],
        [ServiceDefaults] = [],
        // Charts carry ScottPlot and SkiaSharp's natives: only what writes reports may reach them.
        [Plots] = [Reporting],
        // Data reads months (Parquet); features are plain code on the trip vocabulary, so a service featurizes a
        // ride without the Parquet reader.
        [Data] = [Trips],
        [Features] = [Trips],
        // Tracking is interfaces and records; a backend adds its database.
        [Tracking] = [Reporting],
        [Sqlite] = [Tracking],
        [Postgres] = [Tracking],
        // Which backend a host uses is configuration: the one place that knows both.
        [TrackingHosting] = [Tracking, Sqlite, Postgres],
        // Its commands (copy-tracking-store) stand apart: services reference TrackingHosting and must not carry a
        // command line, nor, through CommandLine, the Parquet reader.
        [TrackingHostingCommands] = [TrackingHosting, CommandLine],
        // A model file and its loading, registry-backed or not; no trainers.
        [Model] = [Features, Tracking],
        // Monitoring is plain .NET over features and models: never serving, web, or a database.
        [Monitoring] = [Trips, Features, Model, Reporting],
        [CommandLine] = [Trips, Data, Reporting],
        [Training] = [Trips, Data, Features, Model, Reporting, CommandLine],
        [Pipeline] = [Trips, Data, Features, Model, Training, Tracking, Monitoring, Reporting, Plots, CommandLine],
        // Deployment (the level-3 gate) stands on the pipeline's stages.
        [Deployment] = [Trips, Data, Features, Model, Training, Tracking, Monitoring, Reporting, Plots, CommandLine, Pipeline, PredictionLog],
        // Serving depends on features, model, registry and monitoring (the prediction records it hands out).
        [Serving] = [Trips, Features, Model, Tracking, Monitoring, ServiceDefaults],
        // The prediction log writes what serving observes, as Parquet; a level-3 host adds it.
        [PredictionLog] = [Trips, Monitoring],
        // The operations dashboard reads what a level-3 service serves, its prediction log, and its store's registry and loop runs.
        [Dashboard] = [Tracking, Monitoring, Serving, ServiceDefaults, PredictionLog],
        // Level 4's loop composes everything below it, serving excepted (it talks to the service over HTTP).
        [Automation] = [Trips, Data, Features, Model, Training, Tracking, Monitoring, Reporting, Plots, CommandLine, Pipeline, Deployment, PredictionLog],
    };

    public static TheoryData<string> SourceProjects() => [.. SourceProjectNames()];

    [Fact]
    public void Every_src_project_has_a_place_in_the_map()
    {
        var unplaced = SourceProjectNames().Except(Allowed.Keys, StringComparer.Ordinal).ToArray();
        Assert.True(unplaced.Length == 0, $"add to {nameof(Allowed)} (and decide what it may reference): {string.Join(", ", unplaced)}");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void A_src_project_references_only_what_the_map_allows(string name)
    {
        var project = Repository.Projects[name];
        var allowed = Allowed.GetValueOrDefault(name, []);
        foreach (var reference in project.References)
        {
            var referenced = Repository.Projects[reference];
            Assert.True(referenced.TopFolder == "src", $"{name} references {reference} in {referenced.RelativeFolder}: src may only reference src");
            Assert.True(allowed.Contains(reference, StringComparer.Ordinal), $"{name} references {reference}, which the dependency map does not allow");
        }
    }

    [Fact]
    public void The_map_has_no_cycle()
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in Allowed.Keys)
        {
            Visit(project, []);
        }

        void Visit(string project, List<string> path)
        {
            if (done.Contains(project))
            {
                return;
            }

            Assert.True(visiting.Add(project), $"cycle: {string.Join(" → ", path.Append(project))}");
            foreach (var next in Allowed.GetValueOrDefault(project, []))
            {
                Visit(next, [.. path, project]);
            }

            visiting.Remove(project);
            done.Add(project);
        }
    }

    [Fact]
    public void A_level_never_references_another_level_and_only_tests_reference_levels()
    {
        foreach (var project in Repository.Projects.Values)
        {
            foreach (var reference in project.References.Select(name => Repository.Projects[name]).Where(referenced => referenced.TopFolder == "levels"))
            {
                Assert.True(
                    project.TopFolder == "tests" || project.Level == reference.Level,
                    $"{project.Name} references {reference.Name}: levels compose src, they are not building blocks");
            }
        }
    }

    [LevelFact(0)]
    public void Level_zero_is_a_self_contained_script()
    {
        var level0 = Path.Combine(Repository.Root, "levels", "level0");
        Assert.Empty(Directory.GetFiles(level0, "*.csproj", SearchOption.AllDirectories));
        foreach (var script in Directory.GetFiles(level0, "*.cs"))
        {
            var text = File.ReadAllText(script);
            Assert.DoesNotContain("#:project", text, StringComparison.Ordinal);
            Assert.DoesNotContain("using TaxiDuration.", text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> SourceProjectNames() =>
        Repository.Projects.Values.Where(project => project.TopFolder == "src").Select(project => project.Name).Order(StringComparer.Ordinal);
}

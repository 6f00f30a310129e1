namespace TaxiDuration.Architecture.Tests;

/// <summary>
/// The building blocks in src/ depend one way (the brief's data → features → training → tracking/registry →
/// serving → monitoring → automation): a project may reference only projects earlier in <see cref="Layers"/>.
/// </summary>
public sealed class DependencyDirectionTests
{
    // Reporting draws charts and tables from plain numbers: a leaf any layer may use. The training pipeline
    // automates training on top of the tracking store, so it sits between tracking and serving.
    private static readonly string[] Layers =
    [
        "TaxiDuration.Reporting",
        "TaxiDuration.Data",
        "TaxiDuration.Features",
        "TaxiDuration.Training",
        "TaxiDuration.Tracking",
        "TaxiDuration.TrainingPipeline",
        "TaxiDuration.Serving",
        "TaxiDuration.Monitoring",
        "TaxiDuration.Automation",
    ];

    public static TheoryData<string> SourceProjects() => [.. SourceProjectNames()];

    [Fact]
    public void Every_src_project_has_a_place_in_the_layers()
    {
        var unplaced = SourceProjectNames().Except(Layers, StringComparer.Ordinal).ToArray();
        Assert.True(unplaced.Length == 0, $"add to {nameof(Layers)}: {string.Join(", ", unplaced)}");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void A_src_project_references_only_earlier_layers(string name)
    {
        var project = Repository.Projects[name];
        var rank = Array.IndexOf(Layers, name);
        foreach (var reference in project.References)
        {
            var referenced = Repository.Projects[reference];
            Assert.True(referenced.TopFolder == "src", $"{name} references {reference} in {referenced.RelativeFolder}: src may only reference src");
            Assert.True(Array.IndexOf(Layers, reference) < rank, $"{name} references {reference}, a later layer: dependencies must point one way");
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
                    project.TopFolder == "tests" || SameLevel(project, reference),
                    $"{project.Name} references {reference.Name}: levels compose src, they are not building blocks");
            }
        }
    }

    [Fact]
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

    private static bool SameLevel(ProjectFile project, ProjectFile reference) =>
        project.TopFolder == "levels" && project.RelativeFolder.Split('/')[1] == reference.RelativeFolder.Split('/')[1];
}

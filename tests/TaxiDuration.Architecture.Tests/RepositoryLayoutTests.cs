namespace TaxiDuration.Architecture.Tests;

/// <summary>The layout the brief promises: tests mirror src, every project is in the solution, hosts stay thin.</summary>
public sealed class RepositoryLayoutTests
{
    [Fact]
    public void Every_src_project_has_a_test_project()
    {
        var untested = Repository.Projects.Values
            .Where(project => project.TopFolder == "src" && !Repository.Projects.ContainsKey(project.Name + ".Tests"))
            .Select(project => project.Name)
            .ToArray();
        Assert.True(untested.Length == 0, $"no tests/X.Tests for: {string.Join(", ", untested)}");
    }

    [Fact]
    public void Every_project_is_in_Template_sln()
    {
        var solution = File.ReadAllText(Path.Combine(Repository.Root, "Template.sln")).Replace('\\', '/');
        var missing = Repository.Projects.Values
            .Where(project => !solution.Contains($"{project.RelativeFolder}/{project.FileName}.csproj", StringComparison.Ordinal))
            .Select(project => project.RelativeFolder)
            .ToArray();
        Assert.True(missing.Length == 0, $"not in Template.sln: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_project_lives_in_a_folder_named_like_it()
    {
        Assert.All(Repository.Projects.Values, project => Assert.EndsWith("/" + project.FileName, "/" + project.RelativeFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_inside_a_level_are_level_neutral_so_levels_diff_cleanly()
    {
        // `diff -r levels/level1 levels/level2` must show what changed, not "Only in" every renamed folder.
        foreach (var project in Repository.Projects.Values.Where(project => project.TopFolder == "levels"))
        {
            Assert.Equal(3, project.RelativeFolder.Split('/').Length);
            Assert.DoesNotContain("Level", project.FileName, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("TaxiDuration", project.FileName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Level_hosts_are_thin_compositions()
    {
        foreach (var program in Directory.GetFiles(Path.Combine(Repository.Root, "levels"), "Program.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(program).Length;
            Assert.True(lines <= 60, $"{Path.GetRelativePath(Repository.Root, program)} has {lines} lines: move the logic into src/");
        }
    }

    [Fact]
    public void Package_versions_live_only_in_Directory_Packages_props()
    {
        foreach (var project in Directory.GetFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains("node_modules", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(project);
            Assert.False(
                System.Text.RegularExpressions.Regex.IsMatch(text, "<PackageReference[^>]*Version=", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)),
                $"{Path.GetRelativePath(Repository.Root, project)} sets a package version; put it in Directory.Packages.props");
        }
    }

    [Fact]
    public void Mutation_testing_names_projects_and_tests_that_exist()
    {
        // build/mutation-projects.json drives ./build.sh --target=Mutate and the weekly workflow: a renamed project
        // would silently drop out of both (Mutate skips what a fork lacks), so the full repository must have every one.
        using var plan = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "build", "mutation-projects.json")));
        var core = plan.RootElement.GetProperty("core").EnumerateArray().Select(name => name.GetString()!).ToArray();
        var alsoTestedBy = plan.RootElement.GetProperty("alsoTestedBy").EnumerateObject()
            .SelectMany(entry => entry.Value.EnumerateArray().Select(tests => (Project: entry.Name, Tests: tests.GetString()!)))
            .ToArray();

        Assert.NotEmpty(core);
        Assert.All(core, name => Assert.True(
            Repository.Projects.ContainsKey($"TaxiDuration.{name}") && Repository.Projects.ContainsKey($"TaxiDuration.{name}.Tests"),
            $"mutation-projects.json names {name}: no src/TaxiDuration.{name} with tests/TaxiDuration.{name}.Tests"));
        Assert.All(alsoTestedBy, pair => Assert.Contains(
            $"TaxiDuration.{pair.Project}", Repository.Projects[$"TaxiDuration.{pair.Tests}.Tests"].References));
    }
}

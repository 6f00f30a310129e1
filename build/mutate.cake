// Mutation testing with Stryker.NET (a local tool, .config/dotnet-tools.json; settings in build/stryker-config.json).
//   ./build.sh --target=Mutate [--mutate=Data,Features] [--mutation-break=80]
// Each src/ project is mutated against the test project that mirrors it (tests/X.Tests), one project at a time: the
// machine's cores go to Stryker's own parallel test sessions. Reports land in artifacts/mutation/<project>/ and the
// scores in artifacts/mutation/scores.md (and the job summary). Not in the per-commit CI: a whole run takes hours on
// two cores; .github/workflows/mutation.yml runs it weekly, one project per job, and on demand.
using System.Text.Json;

// Which projects are mutated by default, and which other test projects also guard one (the tracking contract suite
// runs against each backend): build/mutation-projects.json, which the weekly workflow reads too.
public sealed record MutationPlan(string[] Core, Dictionary<string, string[]> AlsoTestedBy);

MutationPlan ReadMutationPlan() => JsonSerializer.Deserialize<MutationPlan>(
    System.IO.File.ReadAllText(Paths.Root.CombineWithFilePath("build/mutation-projects.json").FullPath),
    new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

var MutationBreak = Argument("mutation-break", 0.0);

// One project's outcome, counted the way Stryker scores it: detected (killed, timed out) over detected and undetected
// (survived, not covered). Compile errors and mutants Stryker ignored by configuration are in neither.
public sealed record MutationScore(string Project, int Killed, int Timeout, int Survived, int NoCoverage, int Ignored, IReadOnlyList<string> Undetected)
{
    public int Detected => Killed + Timeout;

    public int Scored => Detected + Survived + NoCoverage;

    public double Percent => Scored == 0 ? 100 : 100.0 * Detected / Scored;

    public static MutationScore FromReport(string project, string json)
    {
        using var report = JsonDocument.Parse(json);
        var counts = new Dictionary<string, int>();
        var undetected = new List<string>();
        foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
        {
            var lines = file.Value.GetProperty("source").GetString()!.Split('\n');
            foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
            {
                var status = mutant.GetProperty("status").GetString()!;
                counts[status] = counts.GetValueOrDefault(status) + 1;
                if (status is "Survived" or "NoCoverage")
                {
                    var line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                    undetected.Add($"{System.IO.Path.GetFileName(file.Name)}:{line} {status} {mutant.GetProperty("mutatorName").GetString()}: `{lines[line - 1].Trim()}`");
                }
            }
        }

        return new MutationScore(project, counts.GetValueOrDefault("Killed"), counts.GetValueOrDefault("Timeout"),
            counts.GetValueOrDefault("Survived"), counts.GetValueOrDefault("NoCoverage"), counts.GetValueOrDefault("Ignored"), undetected);
    }
}

IReadOnlyList<string> MutationProjects(MutationPlan plan)
{
    var requested = Argument("mutate", string.Join(',', plan.Core));
    var names = requested == "all"
        ? GetFiles(Paths.Root.FullPath + "/src/*/*.csproj").Select(file => file.GetFilenameWithoutExtension().FullPath["TaxiDuration.".Length..])
        : requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    // A fork of one level has some of these projects only: mutate those it has, and say which were left out.
    var present = names.Where(name => FileExists(MutationTestProject(name))).ToList();
    foreach (var absent in names.Except(present))
    {
        Information($"Mutate: no tests/TaxiDuration.{absent}.Tests here, skipping {absent}.");
    }

    return present;
}

FilePath MutationTestProject(string project) =>
    Paths.Root.CombineWithFilePath($"tests/TaxiDuration.{project}.Tests/TaxiDuration.{project}.Tests.csproj");

MutationScore MutateProject(string project, DirectoryPath output, MutationPlan plan)
{
    var testProject = MutationTestProject(project);
    var arguments = new ProcessArgumentBuilder()
        .Append("dotnet-stryker")
        .Append("--config-file").AppendQuoted(Paths.Root.CombineWithFilePath("build/stryker-config.json").FullPath)
        .Append("--project").AppendQuoted($"TaxiDuration.{project}.csproj")
        .Append("--test-project").AppendQuoted(testProject.FullPath)
        .Append("--output").AppendQuoted(output.FullPath);
    foreach (var extra in plan.AlsoTestedBy.GetValueOrDefault(project, Array.Empty<string>()).Where(name => FileExists(MutationTestProject(name))))
    {
        arguments.Append("--test-project").AppendQuoted(MutationTestProject(extra).FullPath);
    }

    // From the test project's folder: at the root Stryker sees Template.sln and mutates in solution context, which
    // takes every project and refuses --test-project.
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = testProject.GetDirectory() });
    if (exitCode != 0)
    {
        throw new CakeException($"Stryker failed on {project} (exit code {exitCode}): 'dotnet {arguments.RenderSafe()}'");
    }

    var report = output.CombineWithFilePath("reports/mutation-report.json");
    return MutationScore.FromReport(project, System.IO.File.ReadAllText(report.FullPath));
}

string MutationScoresMarkdown(IReadOnlyList<MutationScore> scores)
{
    var text = new System.Text.StringBuilder()
        .AppendLine("# Mutation scores (Stryker.NET)")
        .AppendLine()
        .AppendLine("| project | score | killed | timeout | survived | no coverage | ignored |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var score in scores)
    {
        text.AppendLine(FormattableString.Invariant(
            $"| {score.Project} | {score.Percent:0.0} % | {score.Killed} | {score.Timeout} | {score.Survived} | {score.NoCoverage} | {score.Ignored} |"));
    }

    foreach (var score in scores.Where(score => score.Undetected.Count > 0))
    {
        text.AppendLine().AppendLine($"## {score.Project}: undetected mutants").AppendLine();
        foreach (var mutant in score.Undetected)
        {
            text.AppendLine($"- {mutant}");
        }
    }

    return text.ToString();
}

Task("Mutate")
    .Description("Mutation testing (Stryker.NET) of the core projects against their tests; --mutate=Data,Features (or all) picks projects, --mutation-break=N fails below N %. Reports in artifacts/mutation/.")
    .Does(() =>
{
    var root = Paths.Artifacts.Combine("mutation");
    EnsureDirectoryExists(root);
    var scores = new List<MutationScore>();
    var plan = ReadMutationPlan();
    foreach (var project in MutationProjects(plan))
    {
        var output = root.Combine(project);
        CleanDirectory(output);
        var score = MutateProject(project, output, plan);
        scores.Add(score);
        Information(FormattableString.Invariant($"Mutation score {project}: {score.Percent:0.0} % ({score.Detected} of {score.Scored} detected)"));
    }

    var markdown = MutationScoresMarkdown(scores);
    System.IO.File.WriteAllText(root.CombineWithFilePath("scores.md").FullPath, markdown);
    AddToJobSummary(markdown);
    foreach (var score in scores)
    {
        Console.WriteLine(FormattableString.Invariant($"Mutation {score.Project}: {score.Percent:0.0} % ({score.Survived} survived, {score.NoCoverage} not covered)"));
    }

    var below = scores.Where(score => score.Percent < MutationBreak).Select(score => score.Project).ToArray();
    if (below.Length > 0)
    {
        throw new CakeException(FormattableString.Invariant($"Mutation score below {MutationBreak:0.#} % for: {string.Join(", ", below)}. See artifacts/mutation/scores.md."));
    }
});

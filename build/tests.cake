// Test: every test project in Template.sln with coverage (coverlet), then a coverage report
// (ReportGenerator, a local tool: HTML, text and GitHub Markdown summaries) in artifacts/coverage/ and one closing count line.
Task("Test")
    .Description("Runs all tests with coverage; report in artifacts/coverage/.")
    .IsDependentOn("Build")
    // The OpenAPI documents the build just generated must match docs/openapi/ (openapi.cake); CI runs this target.
    .IsDependentOn("CheckOpenApi")
    .Does<BuildData>(data =>
{
    var results = Paths.Artifacts.Combine("test-results");
    var coverage = Paths.Artifacts.Combine("coverage");
    CleanDirectory(results);
    CleanDirectory(coverage);

    // A failing test must not stop the report: the coverage, the counts and the failures' names come first.
    CakeException testFailure = null;
    try
    {
        DotNetTest(WriteTestSolutionFilter().FullPath, new DotNetTestSettings
        {
            Configuration = Configuration,
            NoBuild = true,
            Collectors = new[] { "XPlat Code Coverage" },
            Loggers = new[] { "trx" },
            ResultsDirectory = results,
        });
    }
    catch (CakeException failure)
    {
        testFailure = failure;
    }

    var reports = GetFiles($"{results}/**/coverage.cobertura.xml");
    if (reports.Count > 0)
    {
        // The local tool (.config/dotnet-tools.json), run as `dotnet reportgenerator`: Cake's ReportGenerator alias did
        // not find the executable its #tool directive installed on a fresh clone.
        Run("dotnet", new ProcessArgumentBuilder()
            .Append("reportgenerator")
            .AppendQuoted($"-reports:{string.Join(';', reports.Select(r => r.FullPath))}")
            .AppendQuoted($"-targetdir:{coverage.FullPath}")
            .Append("-reporttypes:Html;TextSummary;MarkdownSummaryGithub")
            // Source generators' files live under obj/ and are gone after the build: nothing to report on.
            .AppendQuoted("-filefilters:-*/obj/*")
            .Append("-verbosity:Error"));
        Information(CoverageOverview(coverage.CombineWithFilePath("Summary.txt")));
        Information($"Coverage report: {coverage.CombineWithFilePath("index.html")}");
    }
    else
    {
        Warning("No coverage files were produced.");
    }

    var trxFiles = GetFiles($"{results}/**/*.trx").Select(f => f.FullPath).ToArray();
    var counts = TestCounts.FromTrx(trxFiles);
    var failures = FailedTests(trxFiles).ToArray();
    // The failures again, last: CI shows the end of the log, after thousands of lines of test output.
    foreach (var failure in failures)
    {
        Console.WriteLine($"FAILED {failure}");
    }

    // Plain Console, not Information(): CI reads this closing line, and Cake's log colours would wrap it in escapes.
    Console.WriteLine($"Tests: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    AddToJobSummary(TestSummaryMarkdown(counts, failures, coverage.CombineWithFilePath("SummaryGithub.md")));
    if (testFailure is not null || counts.Failed > 0)
    {
        throw new CakeException($"Tests failed ({counts.Failed} failed): {testFailure?.Message}");
    }

    if (counts.Passed == 0)
    {
        throw new CakeException("No test ran.");
    }

    data.TestsPassed = true;
});

// The job summary's test section: the counts, each failure, then ReportGenerator's coverage summary.
string TestSummaryMarkdown(TestCounts counts, IReadOnlyList<string> failures, FilePath coverageMarkdown)
{
    var markdown = new System.Text.StringBuilder()
        .AppendLine("## Tests")
        .AppendLine()
        .AppendLine("| passed | failed | skipped |")
        .AppendLine("|---:|---:|---:|")
        .AppendLine($"| {counts.Passed} | {counts.Failed} | {counts.Skipped} |")
        .AppendLine();
    foreach (var failure in failures)
    {
        markdown.AppendLine($"- ❌ `{failure}`");
    }

    if (FileExists(coverageMarkdown))
    {
        markdown.AppendLine().AppendLine(System.IO.File.ReadAllText(coverageMarkdown.FullPath));
    }

    return markdown.ToString();
}

// The test projects of Template.sln (named *.Tests, see Directory.Build.props) as a solution filter: test
// projects are exactly the *.Tests ones, by convention, whatever packages a helper library references (xunit.core
// marks every project referencing it as a test project unless it opts out, as TestSupport does).
FilePath WriteTestSolutionFilter()
{
    var projects = System.IO.File.ReadLines(Paths.Solution.FullPath)
        .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^Project\(.*\) = "".*"", ""(?<path>[^""]+\.Tests\.csproj)"""))
        .Where(match => match.Success)
        .Select(match => match.Groups["path"].Value)
        .ToArray();
    if (projects.Length == 0)
    {
        throw new CakeException($"{Paths.Solution} lists no *.Tests project.");
    }

    var filter = Paths.Artifacts.CombineWithFilePath("tests.slnf");
    EnsureDirectoryExists(Paths.Artifacts);
    var json = System.Text.Json.JsonSerializer.Serialize(
        new { solution = new { path = Paths.Solution.FullPath, projects } },
        new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    System.IO.File.WriteAllText(filter.FullPath, json);
    return filter;
}

// The text summary's totals and one line per assembly; the per-class lines stay in the file.
string CoverageOverview(FilePath summary)
{
    var lines = System.IO.File.ReadAllLines(summary.FullPath);
    var header = lines.TakeWhile(line => line.Length > 0);
    var assemblies = lines.SkipWhile(line => line.Length > 0).Where(line => line.Length > 0 && !line.StartsWith(' '));
    return string.Join(System.Environment.NewLine, header.Concat(new[] { "" }).Concat(assemblies));
}

// "Test name: first line of its message" for every failed test in the TRX files.
IEnumerable<string> FailedTests(IEnumerable<string> trxFiles)
{
    foreach (var file in trxFiles)
    {
        var results = System.Xml.Linq.XDocument.Load(file).Descendants()
            .Where(element => element.Name.LocalName == "UnitTestResult" && (string)element.Attribute("outcome") == "Failed");
        foreach (var result in results)
        {
            var message = result.Descendants().FirstOrDefault(element => element.Name.LocalName == "Message")?.Value ?? "";
            var firstLine = message.Split('\n', 2)[0].Trim();
            yield return $"{result.Attribute("testName")?.Value}: {firstLine}";
        }
    }
}

// Totals over the TRX files dotnet test wrote (one per test project). VSTest leaves skipped tests out of
// "executed" without counting them anywhere else, so skipped = total − executed.
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts FromTrx(IEnumerable<string> trxFiles)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in trxFiles)
        {
            var counters = System.Xml.Linq.XDocument.Load(file).Descendants()
                .First(element => element.Name.LocalName == "Counters");
            int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            passed += Read("passed");
            failed += Read("failed") + Read("error") + Read("timeout") + Read("aborted");
            skipped += Read("total") - Read("executed");
        }

        return new TestCounts(passed, failed, skipped);
    }
}

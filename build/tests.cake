// Test: every test project in Template.sln with coverage (coverlet), then a coverage report
// (ReportGenerator: HTML + text summary) in artifacts/coverage/ and one closing count line.
Task("Test")
    .Description("Runs all tests with coverage; report in artifacts/coverage/.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = Paths.Artifacts.Combine("test-results");
    var coverage = Paths.Artifacts.Combine("coverage");
    CleanDirectory(results);
    CleanDirectory(coverage);

    var testRun = Run("dotnet", new ProcessArgumentBuilder()
        .Append("test").AppendQuoted(WriteTestSolutionFilter().FullPath)
        .Append("--configuration").Append(Configuration)
        .Append("--no-build")
        .Append("--collect:\"XPlat Code Coverage\"")
        .Append("--logger").Append("trx")
        .Append("--results-directory").AppendQuoted(results.FullPath), allowFailure: true);

    var reports = GetFiles($"{results}/**/coverage.cobertura.xml");
    if (reports.Count > 0)
    {
        // A local tool (.config/dotnet-tools.json): `dotnet reportgenerator`, run from the repository root.
        Run("dotnet", new ProcessArgumentBuilder()
            .Append("reportgenerator")
            .AppendQuoted($"-reports:{string.Join(';', reports.Select(r => r.FullPath))}")
            .AppendQuoted($"-targetdir:{coverage.FullPath}")
            .Append("-reporttypes:Html;TextSummary")
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
    // The failures again, last: CI shows the end of the log, after thousands of lines of test output.
    foreach (var failure in FailedTests(trxFiles))
    {
        Console.WriteLine($"FAILED {failure}");
    }

    // Plain Console, not Information(): CI reads this closing line, and Cake's log colours would wrap it in escapes.
    Console.WriteLine($"Tests: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    if (testRun.ExitCode != 0 || counts.Failed > 0)
    {
        throw new CakeException($"Tests failed (dotnet test exit code {testRun.ExitCode}, {counts.Failed} failed).");
    }

    if (counts.Passed == 0)
    {
        throw new CakeException("No test ran.");
    }
});

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
            .Where(element => element.Name.LocalName == "UnitTestResult" && (string?)element.Attribute("outcome") == "Failed");
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

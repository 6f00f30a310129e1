// What each level costs in code and in moving parts, found in the repository itself (never typed by hand):
// the level's hosts, the src/ projects they reference (transitively, from the .csproj files), its Cake file, the
// stores those projects write and its workflows. docs/levels.md (levels-page.cake) puts it in a table.
using System.Text.RegularExpressions;
using System.Xml.Linq;

public sealed record LevelCost(
    int Level, string[] Hosts, string[] AddedProjects, string[] AddedBuildFiles,
    int HostLines, int SourceLines, int BuildLines, int CarriedLines, int TestLines,
    string[] Processes, string[] Stores, string[] Workflows, string[] UncoveredByPullRequestWorkflow)
{
    public int AddedLines => HostLines + SourceLines + BuildLines;

    public string MovingPartsCell =>
        $"{Count(Processes, "process", "processes")}, {Count(Stores, "store", "stores")}, {Count(Workflows, "workflow", "workflows")}";

    private static string Count(string[] items, string one, string many) => $"{items.Length} {(items.Length == 1 ? one : many)}";
}

// Which src/ project writes which store. Presence comes from the references; only the names are written here.
static readonly (string Project, string Store)[] StoreWriters =
{
    ("TaxiDuration.Tracking.Hosting", "tracking store + model registry (SQLite file, or PostgreSQL)"),
    ("TaxiDuration.PredictionLog", "prediction log (Parquet by day)"),
    ("TaxiDuration.Automation", "monitor metrics file (Prometheus text)"),
};

IReadOnlyList<LevelCost> LevelCosts()
{
    var costs = new List<LevelCost>();
    var projectsBefore = new HashSet<string>(StringComparer.Ordinal);
    var buildFilesBefore = new HashSet<string>(StringComparer.Ordinal);
    for (var level = 0; level < Maturity.Length; level++)
    {
        var folder = Paths.Root.Combine($"levels/level{level}");
        if (!DirectoryExists(folder))
        {
            continue; // a fork that removed this level
        }

        var hostProjects = GetFiles($"{folder}/*/*.csproj").OrderBy(file => file.FullPath, StringComparer.Ordinal).ToArray();
        var reusedHosts = ReusedHosts(level);
        var projects = SourceClosure(hostProjects.Concat(reusedHosts.Select(host => Paths.Root.CombineWithFilePath($"{host}/{System.IO.Path.GetFileName(host)}.csproj"))));
        var buildFiles = level == 0 ? Array.Empty<string>() : LoadClosure(new[] { $"level{level}.cake" }.Concat(LevelBuildFilesLoadedElsewhere(level)));
        var addedProjects = projects.Where(project => !projectsBefore.Contains(project)).ToArray();
        var addedBuildFiles = buildFiles.Where(file => !buildFilesBefore.Contains(file)).ToArray();

        var hostFiles = level == 0 ? GetFiles($"{folder}/*.cs").ToArray() : hostProjects.SelectMany(project => CodeFiles(project.GetDirectory())).ToArray();
        var hostLines = hostFiles.Sum(CodeLines);
        var sourceLines = addedProjects.Sum(ProjectLines);
        var buildLines = addedBuildFiles.Sum(file => CodeLines(Paths.BuildTools.CombineWithFilePath(file)));
        var carried = hostLines + projects.Sum(ProjectLines) + buildFiles.Sum(file => CodeLines(Paths.BuildTools.CombineWithFilePath(file)));
        var testLines = addedProjects.Sum(project => CodeFiles(Paths.Root.Combine($"tests/{project}.Tests")).Sum(CodeLines))
            + GetFiles($"{Paths.Root}/tests/TaxiDuration.Levels.Tests/Level{level}*.cs").Sum(CodeLines);

        costs.Add(new LevelCost(
            level,
            level == 0 ? hostFiles.Select(RepositoryPath).ToArray() : hostProjects.Select(project => RepositoryPath(project.GetDirectory())).ToArray(),
            addedProjects, addedBuildFiles.Select(file => $"build/{file}").ToArray(),
            hostLines, sourceLines, buildLines, carried, testLines,
            Processes(level, hostProjects, reusedHosts), Stores(level, projects), Workflows(level),
            UncoveredByPullRequestWorkflow(level, reusedHosts, projects)));
        projectsBefore.UnionWith(projects);
        buildFilesBefore.UnionWith(buildFiles);
    }

    return costs;
}

string RepositoryPath(DirectoryPath path) => Paths.Root.GetRelativePath(MakeAbsolute(path)).FullPath;

string RepositoryPath(FilePath path) => Paths.Root.GetRelativePath(path).FullPath;

// Hosts of another level that this level's Cake file starts (level 4 serves through the level-3 service, unchanged).
string[] ReusedHosts(int level)
{
    var cake = Paths.BuildTools.CombineWithFilePath($"level{level}.cake");
    if (!FileExists(cake))
    {
        return Array.Empty<string>();
    }

    return Regex.Matches(System.IO.File.ReadAllText(cake.FullPath), @"levels/level(\d)/(\w+)")
        .Where(match => match.Groups[1].Value != level.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Select(match => $"levels/level{match.Groups[1].Value}/{match.Groups[2].Value}")
        .Where(host => DirectoryExists(Paths.Root.Combine(host)))
        .Distinct().OrderBy(host => host, StringComparer.Ordinal).ToArray();
}

// The src/ projects the given projects reference, directly or through each other, by project name.
string[] SourceClosure(IEnumerable<FilePath> roots)
{
    var seen = new SortedSet<string>(StringComparer.Ordinal);
    var pending = new Stack<string>(roots.Select(RepositoryPath));
    while (pending.TryPop(out var project))
    {
        foreach (var referenced in ProjectReferences(project).Where(reference => reference.StartsWith("src/", StringComparison.Ordinal)))
        {
            if (seen.Add(System.IO.Path.GetFileNameWithoutExtension(referenced)))
            {
                pending.Push(referenced);
            }
        }
    }

    return seen.ToArray();
}

// A level's build files beside build/levelN.cake (build.cake loads them itself): build/levelN-*.cake, e.g. level 1's release.
static IEnumerable<string> LevelBuildFilesLoadedElsewhere(int level) =>
    System.IO.Directory.GetFiles(Paths.BuildTools.FullPath, $"level{level}-*.cake").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal);

// build/levelN.cake and the build files it #loads, recursively, by file name.
string[] LoadClosure(IEnumerable<string> cakeFiles)
{
    var seen = new List<string>();
    var pending = new Stack<string>(cakeFiles.Reverse());
    while (pending.Count > 0)
    {
        var file = pending.Pop();
        var path = Paths.BuildTools.CombineWithFilePath(file);
        if (seen.Contains(file) || !FileExists(path))
        {
            continue;
        }

        seen.Add(file);
        foreach (Match load in Regex.Matches(System.IO.File.ReadAllText(path.FullPath), "^#load \"([^\"]+)\"", RegexOptions.Multiline))
        {
            pending.Push(load.Groups[1].Value);
        }
    }

    return seen.ToArray();
}

int ProjectLines(string project) => CodeFiles(Paths.Root.Combine($"src/{project}")).Sum(CodeLines);

IEnumerable<FilePath> CodeFiles(DirectoryPath folder) =>
    DirectoryExists(folder)
        ? GetFiles($"{folder}/**/*.cs").Where(file => !Regex.IsMatch(RepositoryPath(file), "/(bin|obj)/"))
        : Enumerable.Empty<FilePath>();

// Lines that are neither blank nor only a comment. A "/*" inside a string would be misread; the code has none that
// changes a count noticeably, and the rule stays one anyone can check by eye.
static int CodeLines(FilePath file)
{
    var count = 0;
    var inBlockComment = false;
    foreach (var raw in System.IO.File.ReadLines(file.FullPath))
    {
        var line = raw.Trim();
        if (inBlockComment)
        {
            var end = line.IndexOf("*/", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            inBlockComment = false;
            line = line[(end + 2)..].Trim();
        }

        if (line.StartsWith("/*", StringComparison.Ordinal))
        {
            var end = line.IndexOf("*/", 2, StringComparison.Ordinal);
            inBlockComment = end < 0;
            line = end < 0 ? "" : line[(end + 2)..].Trim();
        }

        if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
        {
            count++;
        }
    }

    return count;
}

string[] Processes(int level, FilePath[] hostProjects, string[] reusedHosts)
{
    if (level == 0)
    {
        return new[] { "the script, run by hand" };
    }

    string Kind(FilePath project) =>
        XDocument.Load(project.FullPath).Root!.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web" ? "service" : "command";

    return hostProjects.Select(project => $"{project.GetDirectory().GetDirectoryName()} ({Kind(project)})")
        .Concat(reusedHosts.Select(host => $"{host} (service, reused)"))
        .ToArray();
}

string[] Stores(int level, string[] projects)
{
    if (level == 0)
    {
        return new[] { "model file (JSON)" };
    }

    var stores = StoreWriters.Where(writer => projects.Contains(writer.Project)).Select(writer => writer.Store).ToList();
    if (!projects.Contains("TaxiDuration.Tracking.Hosting") && projects.Contains("TaxiDuration.Model"))
    {
        stores.Insert(0, "model file (ML.NET zip)"); // with a registry, model files live in its store
    }

    return stores.ToArray();
}

string[] Workflows(int level) =>
    GetFiles($"{Paths.Root}/.github/workflows/level{level}-*.yml")
        .Select(file => file.GetFilename().FullPath).OrderBy(name => name, StringComparer.Ordinal).ToArray();

// What a change could break in this level without its pull-request workflow running: each src/ project and reused host
// the level uses must be among the workflow's paths (src/** covers every project). Levels without one are left alone.
string[] UncoveredByPullRequestWorkflow(int level, string[] reusedHosts, string[] projects)
{
    var workflow = Paths.Root.CombineWithFilePath($".github/workflows/level{level}-pr.yml");
    if (!FileExists(workflow))
    {
        return Array.Empty<string>();
    }

    var paths = Regex.Matches(System.IO.File.ReadAllText(workflow.FullPath), @"^\s+- (\S+)\s*$", RegexOptions.Multiline)
        .Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    return projects.Select(project => $"src/{project}/**").Where(path => !paths.Contains(path) && !paths.Contains("src/**"))
        .Concat(reusedHosts.Select(host => $"{host}/**").Where(path => !paths.Contains(path)))
        .ToArray();
}

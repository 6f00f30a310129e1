// Fork one level: `dotnet new install .` then `dotnet new mlops-level2 -n Acme.Fares` gives a solution with only
// level 2, the src/ projects it needs, their tests, its Cake targets and its workflow. The template configurations
// in templates/levelN/ are generated here from the project graph, never typed:
//   Templates       writes templates/levelN/.template.config/template.json, Template.sln and README.md
//   CheckTemplates  fails when they no longer match the code (CI)
//   TemplateSmoke   instantiates each level's template into artifacts/templates/, then builds and tests it with
//                   NuGet restricted to packages already on this machine (offline): [--template-level=2]
// This file is the template repository's own: forks do not carry it.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

const string TemplateSourceName = "TaxiDuration";
const string TemplateModelName = "taxi-duration";
DirectoryPath TemplatesFolder => Paths.Root.Combine("templates");

// What every fork carries besides its projects: the build, the conventions, the shared docs and workflow plumbing.
static readonly string[] TemplateCommonFiles =
{
    ".config/**", ".editorconfig", ".gitignore", ".github/actions/**", ".github/dependabot.yml",
    "Directory.Build.props", "Directory.Packages.props", "global.json", "build.sh", "build.ps1", "levels/Directory.Build.props",
    "build/build.cake", "build/paths.cake", "build/build-data.cake", "build/process.cake", "build/data.cake", "build/tests.cake",
    "build/lint.cake", "build/openapi.cake", "build/results.cake", "build/services.cake", "build/levels.cake", "build/ladder-report.cake", "build/level-tools.cake",
    "build/lint-workflows.mjs", "build/package.json", "build/package-lock.json", "build/postgres.sh",
    "build/mutate.cake", "build/stryker-config.json", "build/mutation-projects.json", ".github/workflows/mutation.yml",
    "docs/result-json.md", "docs/levels.notes.json", "docs/decisions/**",
};

// What a level adds beyond its projects, when its code or tests read it.
static readonly Dictionary<int, string[]> TemplateLevelFiles = new()
{
    [1] = new[] { "Dockerfile", ".dockerignore", "docs/openapi/**", "build/level1-release.cake" },
    [2] = new[] { "Dockerfile", ".dockerignore", "docs/openapi/**" },
    [3] = new[] { "Dockerfile", ".dockerignore", "docs/openapi/**", "deploy/**" },
    [4] = new[] { "Dockerfile", ".dockerignore", "docs/openapi/**", "deploy/**" },
};

// One level's fork: its projects (repository-relative .csproj paths) and every file it carries.
sealed record LevelTemplate(int Level, IReadOnlyList<string> Projects, IReadOnlyList<string> Includes);

LevelTemplate PlanLevelTemplate(int level)
{
    var root = Paths.Root.FullPath;
    var levelFolders = new SortedSet<string>(StringComparer.Ordinal) { $"levels/level{level}" };
    // Hosts of other levels the level's Cake file starts (level 4 serves through the level-3 service, unchanged).
    var cakeFile = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "build", $"level{level}.cake"));
    foreach (Match host in Regex.Matches(cakeFile, @"levels/(level\d)/(\w+)"))
    {
        var folder = $"levels/{host.Groups[1].Value}/{host.Groups[2].Value}";
        if (System.IO.Directory.Exists(System.IO.Path.Combine(root, folder)))
        {
            levelFolders.Add(folder);
        }
    }

    var starts = levelFolders
        .SelectMany(folder => System.IO.Directory.GetFiles(System.IO.Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
        .Select(path => RepositoryRelative(path))
        .Append("build/TaxiDuration.DataTool/TaxiDuration.DataTool.csproj")
        .Append("tests/TaxiDuration.TestSupport/TaxiDuration.TestSupport.csproj")
        .Append("tests/TaxiDuration.Architecture.Tests/TaxiDuration.Architecture.Tests.csproj")
        .Append("tests/TaxiDuration.Levels.Tests/TaxiDuration.Levels.Tests.csproj");
    var projects = new SortedSet<string>(StringComparer.Ordinal);
    var pending = new Stack<string>(starts);
    while (pending.Count > 0)
    {
        var project = pending.Pop();
        if (!projects.Add(project))
        {
            continue;
        }

        foreach (var reference in ProjectReferences(project).Where(reference => KeptReference(reference, levelFolders)))
        {
            pending.Push(reference);
        }

        // Every building block comes with its tests.
        if (project.StartsWith("src/", StringComparison.Ordinal))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(project);
            var tests = $"tests/{name}.Tests/{name}.Tests.csproj";
            if (System.IO.File.Exists(System.IO.Path.Combine(root, tests)))
            {
                pending.Push(tests);
            }
        }
    }

    var includes = new List<string>(TemplateCommonFiles);
    includes.AddRange(TemplateLevelFiles.GetValueOrDefault(level, Array.Empty<string>()));
    includes.Add($"build/level{level}.cake");
    includes.Add($".github/workflows/level{level}-*.yml");
    includes.AddRange(levelFolders.Select(folder => $"{folder}/**"));
    foreach (var project in projects.Where(project => !project.StartsWith("levels/", StringComparison.Ordinal)))
    {
        var folder = System.IO.Path.GetDirectoryName(project)!.Replace('\\', '/');
        // The level tests: the shared harness and this level's folder, not the other levels' tests.
        includes.AddRange(folder == "tests/TaxiDuration.Levels.Tests"
            ? new[] { $"{folder}/*.*", $"{folder}/Level{level}/**" }
            : new[] { $"{folder}/**" });
    }

    return new LevelTemplate(level, projects.ToList(), includes.Distinct(StringComparer.Ordinal).ToList());
}

// A reference into another level's hosts is kept only when this level runs that host; the level tests reference every
// level's hosts under an Exists condition, so a fork builds without them.
static bool KeptReference(string reference, IEnumerable<string> levelFolders) =>
    !reference.StartsWith("levels/", StringComparison.Ordinal)
    || levelFolders.Any(folder => reference.StartsWith(folder + "/", StringComparison.Ordinal));

// The dotnet new configuration: the repository root is the source (the template is installed from there), narrowed to
// the level's files; the generated solution and README come from the template's own folder.
string TemplateJson(LevelTemplate template)
{
    var level = template.Level;
    var json = new JsonObject
    {
        ["$schema"] = "http://json.schemastore.org/template",
        ["author"] = "The MLOps ladder template",
        ["classifications"] = new JsonArray("MLOps", "ML.NET", "ASP.NET Core", "Cake"),
        ["identity"] = $"MlopsLadder.Level{level}",
        ["name"] = $"MLOps ladder, level {level}: {Maturity[level]}",
        ["shortName"] = $"mlops-level{level}",
        ["description"] = $"Level {level} of the MLOps maturity ladder on NYC taxi trip durations, with only the projects, tests, Cake targets and workflow it needs.",
        ["sourceName"] = TemplateSourceName,
        ["preferNameDirectory"] = true,
        ["tags"] = new JsonObject { ["language"] = "C#", ["type"] = "solution" },
        ["symbols"] = new JsonObject
        {
            ["modelName"] = new JsonObject
            {
                ["type"] = "parameter",
                ["datatype"] = "text",
                ["description"] = "The name the model is registered and served under.",
                ["defaultValue"] = TemplateModelName,
                ["replaces"] = TemplateModelName,
                ["fileRename"] = TemplateModelName,
            },
        },
        // The template engine does not keep the executable bit: give build.sh its own back (Unix; Windows uses build.ps1).
        ["postActions"] = new JsonArray(new JsonObject
        {
            ["description"] = "Make build.sh executable.",
            ["manualInstructions"] = new JsonArray(new JsonObject { ["text"] = "Run 'chmod +x build.sh'." }),
            ["actionId"] = "cb9a6cf3-4f5c-4860-b9d2-03a574959774",
            ["args"] = new JsonObject { ["+x"] = "build.sh" },
            ["continueOnError"] = true,
        }),
        ["sources"] = new JsonArray(
            new JsonObject
            {
                ["source"] = "../../",
                ["target"] = "./",
                ["include"] = new JsonArray(template.Includes.Select(include => (JsonNode)include).ToArray()),
                ["exclude"] = new JsonArray("**/bin/**", "**/obj/**", "**/node_modules/**", "**/.template.config/**", "templates/**"),
            },
            new JsonObject
            {
                ["source"] = "./",
                ["target"] = "./",
                ["include"] = new JsonArray("Template.sln", "README.md"),
            }),
    };
    return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}

// The fork's README: the two commands first, as the repository's own, then the level's README.
string TemplateReadme(LevelTemplate template) =>
    $"""
    # {TemplateSourceName}: level {template.Level} of the MLOps ladder ({Maturity[template.Level]})

    ```bash
    ./build.sh --target=Level{template.Level}   # sets up and runs level {template.Level} end to end
    ./build.sh --target=Test     # builds and runs every test
    ```

    Created with `dotnet new mlops-level{template.Level}` from the MLOps ladder template: level {template.Level}'s hosts in
    `levels/level{template.Level}`, the building blocks in `src/` they use (each with its tests in `tests/`), the Cake
    targets in `build/` and the workflow in `.github/workflows/`. What the level does, and how to run each part:
    [levels/level{template.Level}/README.md](levels/level{template.Level}/README.md).

    """;

// A solution of exactly the template's projects, in folders levelN, src, tests and build; GUIDs derive from the paths,
// so the file is the same each time it is generated.
string SolutionFile(IEnumerable<string> projects)
{
    const string FolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";
    const string CSharpType = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
    var entries = projects
        .Select(path => (Path: path, Name: System.IO.Path.GetFileNameWithoutExtension(path), Folder: path.StartsWith("levels/", StringComparison.Ordinal) ? path.Split('/')[1] : path.Split('/')[0]))
        .ToList();
    var lines = new List<string> { "", "Microsoft Visual Studio Solution File, Format Version 12.00", "# Visual Studio Version 17", "VisualStudioVersion = 17.0.31903.59", "MinimumVisualStudioVersion = 10.0.40219.1" };
    foreach (var folder in entries.Select(entry => entry.Folder).Distinct().Order(StringComparer.Ordinal))
    {
        lines.Add($"Project(\"{FolderType}\") = \"{folder}\", \"{folder}\", \"{StableGuid("folder:" + folder)}\"");
        lines.Add("EndProject");
    }

    foreach (var entry in entries)
    {
        lines.Add($"Project(\"{CSharpType}\") = \"{entry.Name}\", \"{entry.Path.Replace('/', '\\')}\", \"{StableGuid("project:" + entry.Path)}\"");
        lines.Add("EndProject");
    }

    lines.Add("Global");
    lines.Add("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution");
    lines.Add("\t\tDebug|Any CPU = Debug|Any CPU");
    lines.Add("\t\tRelease|Any CPU = Release|Any CPU");
    lines.Add("\tEndGlobalSection");
    lines.Add("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution");
    foreach (var entry in entries)
    {
        foreach (var configuration in new[] { "Debug", "Release" })
        {
            lines.Add($"\t\t{StableGuid("project:" + entry.Path)}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
            lines.Add($"\t\t{StableGuid("project:" + entry.Path)}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
        }
    }

    lines.Add("\tEndGlobalSection");
    lines.Add("\tGlobalSection(NestedProjects) = preSolution");
    lines.AddRange(entries.Select(entry => $"\t\t{StableGuid("project:" + entry.Path)} = {StableGuid("folder:" + entry.Folder)}"));
    lines.Add("\tEndGlobalSection");
    lines.Add("EndGlobal");
    return string.Join("\n", lines) + "\n";
}

static string StableGuid(string key)
{
    var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
    return "{" + new Guid(hash.AsSpan(0, 16)).ToString().ToUpperInvariant() + "}";
}

// Every generated file of every level's template, by repository-relative path.
Dictionary<string, string> TemplateFiles()
{
    var files = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var level in Enumerable.Range(0, Maturity.Length).Where(level => FileExists(Paths.Root.CombineWithFilePath($"build/level{level}.cake"))))
    {
        var template = PlanLevelTemplate(level);
        files[$"templates/level{level}/.template.config/template.json"] = TemplateJson(template);
        files[$"templates/level{level}/Template.sln"] = SolutionFile(template.Projects);
        files[$"templates/level{level}/README.md"] = TemplateReadme(template);
    }

    return files;
}

Task("Templates")
    .Description("Writes the dotnet new templates of each level (templates/levelN) from the project graph.")
    .Does(() =>
{
    foreach (var (path, content) in TemplateFiles())
    {
        var file = Paths.Root.CombineWithFilePath(path);
        EnsureDirectoryExists(file.GetDirectory());
        System.IO.File.WriteAllText(file.FullPath, content);
        Information($"Wrote {path}");
    }
});

Task("CheckTemplates")
    .Description("Fails when templates/levelN no longer match the project graph (CI).")
    .Does(() =>
{
    var stale = TemplateFiles()
        .Where(file => !FileExists(Paths.Root.CombineWithFilePath(file.Key)) || System.IO.File.ReadAllText(Paths.Root.CombineWithFilePath(file.Key).FullPath) != file.Value)
        .Select(file => file.Key)
        .ToList();
    if (stale.Count > 0)
    {
        throw new CakeException($"Stale template files: {string.Join(", ", stale)}. Run ./build.sh --target=Templates and commit.");
    }

    Information("templates/ match the project graph.");
});

// --template-level=N to smoke-test one level's template; every level's otherwise.
var TemplateLevel = Argument("template-level", -1);

Task("TemplateSmoke")
    .Description("Instantiates each level's template into a temporary folder and builds and tests it offline: [--template-level=2].")
    .IsDependentOn("CheckTemplates")
    .Does(() =>
{
    var workspace = new DirectoryPath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mlops-templates-{BuildState.StartStamp}"));
    CleanDirectory(workspace);
    // A hive of its own, so the smoke test neither sees nor changes the templates installed for this user.
    var hive = workspace.Combine("hive");
    Run("dotnet", new ProcessArgumentBuilder().Append("new").Append("install").AppendQuoted(Paths.Root.FullPath).Append("--debug:custom-hive").AppendQuoted(hive.FullPath));
    WriteOfflineNuGetConfig(workspace.CombineWithFilePath("NuGet.config"));

    var levels = TemplateLevel >= 0 ? new[] { TemplateLevel } : Enumerable.Range(0, Maturity.Length).Where(level => DirectoryExists(TemplatesFolder.Combine($"level{level}"))).ToArray();
    foreach (var level in levels)
    {
        var fork = workspace.Combine($"level{level}/Acme.Fares");
        Run("dotnet", new ProcessArgumentBuilder()
            .Append("new").Append($"mlops-level{level}").Append("-n").Append("Acme.Fares").Append("-o").AppendQuoted(fork.FullPath)
            .Append("--modelName").Append("fares").Append("--debug:custom-hive").AppendQuoted(hive.FullPath));
        RequireNoTemplateLeftovers(fork);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = StartProcess(IsRunningOnWindows() ? "pwsh" : "bash", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append(IsRunningOnWindows() ? "build.ps1" : "build.sh").Append("--target=Test").Append($"--configuration={Configuration}"),
            WorkingDirectory = fork,
        });
        RequireSuccess(exitCode, $"The level-{level} fork's tests ({fork})");
        Information($"Level {level}'s template: built and tested offline in {clock.Elapsed.TotalSeconds:0} s ({fork}).");
    }

    DeleteDirectory(workspace, new DeleteDirectorySettings { Recursive = true, Force = true });
});

// NuGet for the forks: the packages already on this machine and nothing else, so the smoke test proves a fork
// restores offline (the template adds no package the repository does not already use).
void WriteOfflineNuGetConfig(FilePath file)
{
    var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    System.IO.File.WriteAllText(file.FullPath, $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="this machine's packages" value="{packages}" />
          </packageSources>
        </configuration>
        """);
}

// The product name and the model name must be gone from the fork's code, or the fork still depends on them.
void RequireNoTemplateLeftovers(DirectoryPath fork)
{
    var leftovers = GetFiles($"{fork}/**/*.*")
        .Where(file => file.GetExtension() is ".cs" or ".csproj" or ".cake" or ".sln" or ".json" or ".yml" or ".props")
        .Where(file => System.IO.File.ReadAllText(file.FullPath).Contains(TemplateSourceName, StringComparison.Ordinal))
        .Select(file => fork.GetRelativePath(file).FullPath)
        .ToList();
    if (leftovers.Count > 0)
    {
        throw new CakeException($"The fork still names {TemplateSourceName} in: {string.Join(", ", leftovers.Take(10))}");
    }
}

using System.Xml.Linq;

namespace TaxiDuration.Architecture.Tests;

/// <summary>The repository's projects as their files declare them (read as text: the rules are about the files people edit).</summary>
internal static class Repository
{
    public static string Root { get; } = LocateRoot();

    /// <summary>Every project file below src/, levels/, tests/ and build/, by assembly name.</summary>
    public static IReadOnlyDictionary<string, ProjectFile> Projects { get; } = LoadProjects();

    private static string LocateRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Template.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Template.sln above {AppContext.BaseDirectory}.");
    }

    private static Dictionary<string, ProjectFile> LoadProjects()
    {
        var files = new[] { "src", "levels", "tests", "build" }
            .Select(top => Path.Combine(Root, top))
            .Where(Directory.Exists)
            .SelectMany(top => Directory.EnumerateFiles(top, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var byPath = files.ToDictionary(Path.GetFullPath, ProjectFile.Load, StringComparer.Ordinal);
        return byPath.Values.Select(project => project with
        {
            // A reference to a project that is not there is conditional (Exists): a level the fork left out.
            References = [.. project.ReferencedPaths.Where(byPath.ContainsKey).Select(path => byPath[path].Name)],
        }).ToDictionary(project => project.Name, StringComparer.Ordinal);
    }
}

/// <summary>
/// One project: its assembly name, its file name, its folder relative to the root (with '/' separators), the
/// projects it references (by assembly name) and the packages it references directly.
/// </summary>
internal sealed record ProjectFile(
    string Name, string FileName, string RelativeFolder, IReadOnlyList<string> ReferencedPaths, IReadOnlyList<string> Packages)
{
    public IReadOnlyList<string> References { get; init; } = [];

    public string TopFolder => RelativeFolder.Split('/')[0];

    /// <summary>For a level host (levels/level2/Api): 2; otherwise null.</summary>
    public int? Level => TopFolder == "levels" ? int.Parse(RelativeFolder.Split('/')[1]["level".Length..], System.Globalization.CultureInfo.InvariantCulture) : null;

    public string FullFolder => Path.Combine(Repository.Root, RelativeFolder);

    public static ProjectFile Load(string path)
    {
        var document = XDocument.Load(path);
        var folder = Path.GetDirectoryName(path)!;
        var references = document.Descendants("ProjectReference")
            .Select(reference => Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))))
            .ToArray();
        var packages = document.Descendants("PackageReference").Select(reference => reference.Attribute("Include")!.Value).ToArray();
        var relative = Path.GetRelativePath(Repository.Root, folder).Replace('\\', '/');
        var fileName = Path.GetFileNameWithoutExtension(path);
        // levels/Directory.Build.props names level hosts: levels/level2/Api → TaxiDuration.Level2.Api.
        var name = relative.StartsWith("levels/", StringComparison.Ordinal)
            ? $"TaxiDuration.Level{relative.Split('/')[1]["level".Length..]}.{fileName}"
            : fileName;
        return new ProjectFile(name, fileName, relative, references, packages);
    }
}

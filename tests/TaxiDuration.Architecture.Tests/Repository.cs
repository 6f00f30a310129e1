using System.Xml.Linq;

namespace TaxiDuration.Architecture.Tests;

/// <summary>The repository's projects as their files declare them (read as text: the rules are about the files people edit).</summary>
internal static class Repository
{
    public static string Root { get; } = LocateRoot();

    /// <summary>Every project file below src/, levels/, tests/ and build/, by project name.</summary>
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

    private static Dictionary<string, ProjectFile> LoadProjects() =>
        new[] { "src", "levels", "tests", "build" }
            .Select(top => Path.Combine(Root, top))
            .Where(Directory.Exists)
            .SelectMany(top => Directory.EnumerateFiles(top, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(ProjectFile.Load)
            .ToDictionary(project => project.Name, StringComparer.Ordinal);
}

/// <summary>One project: its name, its folder relative to the root (with '/' separators) and the projects it references.</summary>
internal sealed record ProjectFile(string Name, string RelativeFolder, IReadOnlyList<string> References)
{
    public string TopFolder => RelativeFolder.Split('/')[0];

    public static ProjectFile Load(string path)
    {
        var references = XDocument.Load(path)
            .Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
        var folder = Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(path)!).Replace('\\', '/');
        return new ProjectFile(Path.GetFileNameWithoutExtension(path), folder, references);
    }
}

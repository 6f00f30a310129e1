// The repository's project graph as its project files declare it, read by the templates (templates.cake) and the
// levels page's cost columns (levels-cost.cake). Paths are repository-relative with '/' separators.
using System.Text.RegularExpressions;

string RepositoryRelative(string path) =>
    System.IO.Path.GetRelativePath(Paths.Root.FullPath, System.IO.Path.GetFullPath(path, Paths.Root.FullPath)).Replace('\\', '/');

// The projects one project references directly.
IEnumerable<string> ProjectReferences(string project)
{
    var file = System.IO.Path.Combine(Paths.Root.FullPath, project);
    var folder = System.IO.Path.GetDirectoryName(file)!;
    foreach (Match reference in Regex.Matches(System.IO.File.ReadAllText(file), "<ProjectReference Include=\"([^\"]+)\""))
    {
        yield return RepositoryRelative(System.IO.Path.Combine(folder, reference.Groups[1].Value.Replace('\\', '/')));
    }
}

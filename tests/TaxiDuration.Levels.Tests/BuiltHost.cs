namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Where a level's host was built: the test project references the hosts (without their assemblies), so they are
/// built with the tests, in the same configuration, under their own bin folders.
/// </summary>
internal static class BuiltHost
{
    // Test binaries live in tests/X/bin/<Configuration>/<framework>/.
    private static readonly DirectoryInfo OutputFolder = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Dll(string level, string project)
    {
        var path = Path.Combine(
            RepositoryRoot.Path, "levels", level, project, "bin", OutputFolder.Parent!.Name, OutputFolder.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build Template.sln first.", path);
    }
}

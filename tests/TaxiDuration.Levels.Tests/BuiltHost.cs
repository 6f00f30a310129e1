namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Where a level's host was built: the test project references the hosts (without their assemblies), so they are
/// built with the tests, in the same configuration, under their own bin folders.
/// </summary>
internal static class BuiltHost
{
    // Test binaries live in tests/X/bin/<Configuration>/<framework>/.
    private static readonly DirectoryInfo OutputFolder = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <param name="level">"level2".</param>
    /// <param name="host">The level-neutral folder, "Api" or "Training"; the assembly is TaxiDuration.Level2.Api (levels/Directory.Build.props).</param>
    public static string Dll(string level, string host)
    {
        var assembly = $"TaxiDuration.Level{level["level".Length..]}.{host}";
        var path = Path.Combine(
            RepositoryRoot.Path, "levels", level, host, "bin", OutputFolder.Parent!.Name, OutputFolder.Name, assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} is not built at {path}; build Template.sln first.", path);
    }

    /// <summary>A tool under build/, e.g. "TaxiDuration.DataTool".</summary>
    public static string BuildTool(string project)
    {
        var path = Path.Combine(RepositoryRoot.Path, "build", project, "bin", OutputFolder.Parent!.Name, OutputFolder.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build Template.sln first.", path);
    }
}

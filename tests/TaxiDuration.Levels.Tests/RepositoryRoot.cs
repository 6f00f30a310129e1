namespace TaxiDuration.Levels.Tests;

/// <summary>The repository root, found by walking up from the test binaries to the folder holding Template.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Template.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Template.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}

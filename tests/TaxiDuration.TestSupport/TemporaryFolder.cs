namespace TaxiDuration.TestSupport;

/// <summary>A fresh folder under the system temp folder per test, deleted afterwards, so tests never share files.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "taxi-duration-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file below the folder, relative names, sorted: what a test expects to (not) find.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(Path, file))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>A real store file in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tracking-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new TrackingStoreOptions { DatabasePath = Path.Combine(Folder, "tracking.db") };
    }

    public static DateTimeOffset Start { get; } = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public string Folder { get; }

    public TrackingStoreOptions Options { get; }

    public ManualClock Clock { get; } = new(Start);

    public TrackingStore Open(IRunOwnership? ownership = null) => TrackingStore.Open(Options, Clock, ownership);

    /// <summary>Writes a file in the temp folder to log as an artifact.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, "inputs", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be closing the file; a leftover temp folder is harmless.
        }
    }
}

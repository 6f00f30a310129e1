using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>A real store file in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public TempStore() => Options = new TrackingStoreOptions { DatabasePath = folder.File("tracking.db") };

    public static DateTimeOffset Start { get; } = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public string Folder => folder.Path;

    public TrackingStoreOptions Options { get; }

    public ManualClock Clock { get; } = new(Start);

    public RawSql Sql => RawSql.Sqlite(Options.DatabasePath);

    public TrackingStore Open(IRunOwnership? ownership = null) => TrackingStore.Open(Options, Clock, ownership);

    /// <summary>Writes a file in the temp folder to log as an artifact.</summary>
    public string WriteFile(string name, string content) => folder.WriteFile(Path.Combine("inputs", name), content);

    public void Dispose()
    {
        try
        {
            folder.Dispose();
        }
        catch (IOException)
        {
            // A child process may still be closing the file; a leftover temp folder is harmless.
        }
    }
}

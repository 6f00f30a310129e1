namespace TaxiDuration.Tracking.Sqlite;

/// <summary>The store cannot be opened as asked; the message names the path, the problem and the fix.</summary>
public sealed class TrackingStoreException : IOException
{
    public TrackingStoreException(string path, string problem, Exception? innerException = null)
        : base($"Tracking store '{path}' {problem}", innerException)
    {
        StorePath = path;
    }

    public string StorePath { get; }
}

using TaxiDuration.Trips;

namespace TaxiDuration.Data.Catalog;

/// <summary>A month is neither on disk nor downloadable, and synthetic data was not allowed.</summary>
public sealed class MonthNotAvailableException : FileNotFoundException
{
    public MonthNotAvailableException(TaxiMonth month, string expectedPath, Uri source, string message, Exception? innerException = null)
        : base(message, expectedPath, innerException)
    {
        Month = month;
        SourceUrl = source;
    }

    public TaxiMonth Month { get; }

    /// <summary>The TLC address that was (or would have been) tried.</summary>
    public Uri SourceUrl { get; }
}

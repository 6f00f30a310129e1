using TaxiDuration.Trips;

namespace TaxiDuration.Data.Catalog;

/// <summary>A month's Parquet file ready to read, and where its data came from.</summary>
public sealed record MonthFile(TaxiMonth Month, string Path, DataOrigin Origin)
{
    /// <summary>A sentence to show the user when the data is not real (why, and what was used instead); null otherwise.</summary>
    public string? Warning { get; init; }

    public bool IsSynthetic => Origin == DataOrigin.Synthetic;
}

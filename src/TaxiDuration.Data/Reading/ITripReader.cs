using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>Reads TLC trip files as <see cref="TripRecord"/>s; the seam training and validation depend on.</summary>
public interface ITripReader
{
    /// <summary>Streams the file one row group at a time: memory holds one group's records, not the whole month.</summary>
    IAsyncEnumerable<TripRecord[]> ReadRowGroupsAsync(string path, CancellationToken ct = default);

    /// <summary>
    /// Streams the file one row group at a time as columns, never made into records: the cheapest way to look at
    /// every trip once (validating, featurizing). Each batch is valid until the next is requested.
    /// </summary>
    IAsyncEnumerable<TripColumns> ReadColumnsAsync(string path, CancellationToken ct = default);

    /// <summary>Reads every row of the file into one array (filled in place, group by group: no second copy).</summary>
    Task<TripRecord[]> ReadAllAsync(string path, CancellationToken ct = default);
}

namespace TaxiDuration.Data.Catalog;

/// <summary>Where a month's data came from; runs print it so nobody mistakes synthetic results for real ones.</summary>
public enum DataOrigin
{
    /// <summary>A real TLC file that was already in the data folder.</summary>
    Real,

    /// <summary>A real TLC file fetched from the TLC during this resolve.</summary>
    Downloaded,

    /// <summary>Generated data standing in for a month that could not be had.</summary>
    Synthetic,
}

using TaxiDuration.Data.Synthetic;

namespace TaxiDuration.Data.Catalog;

/// <summary>Where month files live and what the catalog may do when one is missing; call <see cref="Validate"/> on start.</summary>
public sealed class MonthCatalogOptions
{
    /// <summary>The configuration section these options are bound from (<c>Data:DataDirectory</c>, <c>Data:AllowSynthetic</c>, …).</summary>
    public const string SectionName = "Data";

    /// <summary>
    /// Environment variable (read through configuration) naming the data folder when <c>Data:DataDirectory</c> is not
    /// set; tests and CI point it at the shared real months.
    /// </summary>
    public const string DataDirectoryVariable = "TAXI_DATA_DIR";

    /// <summary>Folder of the real <c>green_tripdata_YYYY-MM.parquet</c> files. Only read: it may be a shared, read-only mount.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where the catalog writes: downloaded months, and synthetic ones under <c>synthetic/</c>. Never the folder a
    /// person pointed <see cref="DataDirectory"/> at, unless configured so; the host's <c>data/</c> by default.
    /// </summary>
    public string CacheDirectory { get; set; } = "data";

    /// <summary>Fetch missing months from the TLC.</summary>
    public bool AllowDownload { get; set; } = true;

    /// <summary>
    /// Stand in generated data for a month that can't be had. Off by default: a run on fake data must be a
    /// deliberate choice.
    /// </summary>
    public bool AllowSynthetic { get; set; }

    /// <summary>Settings of the stand-in months.</summary>
    public SyntheticMonthOptions Synthetic { get; set; } = new();

    /// <summary>
    /// Synthetic files live apart from real ones (<c>&lt;cache&gt;/synthetic/</c>), one subfolder per generator
    /// setting, so they are never read as real months and a changed setting never reuses a stale file.
    /// </summary>
    public string SyntheticDirectory =>
        Path.Combine(CacheDirectory, "synthetic", $"{Synthetic.Scenario.ToString().ToLowerInvariant()}-seed{Synthetic.Seed}-rows{Synthetic.Rows}");

    /// <summary>The data folder for a <c>TAXI_DATA_DIR</c> value (relative values are taken from the content root).</summary>
    public static string ResolveDataDirectory(string? variableValue, string contentRoot) =>
        string.IsNullOrWhiteSpace(variableValue)
            ? Path.GetFullPath(Path.Combine(contentRoot, "data"))
            : Path.GetFullPath(variableValue, contentRoot);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException(
                $"{nameof(DataDirectory)} is empty: set {DataDirectoryVariable} or configure a data folder.", nameof(DataDirectory));
        }

        if (string.IsNullOrWhiteSpace(CacheDirectory))
        {
            throw new ArgumentException($"{nameof(CacheDirectory)} is empty: configure Data:CacheDirectory or leave it unset.", nameof(CacheDirectory));
        }

        if (Synthetic is null)
        {
            throw new ArgumentException($"{nameof(Synthetic)} options are missing.", nameof(Synthetic));
        }

        Synthetic.Validate();
    }
}

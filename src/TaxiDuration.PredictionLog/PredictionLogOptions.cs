using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.PredictionLog;

/// <summary>Where and how often predictions are written. Bound from the <c>PredictionLog</c> section.</summary>
public sealed class PredictionLogOptions
{
    public const string SectionName = "PredictionLog";

    /// <summary>The log's folder (relative to the content root): <c>date=YYYY-MM-DD/part-….parquet</c> below it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "predictions";

    /// <summary>Queued predictions are written at least this often: a crash loses at most this much.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A file holds at most this many rows; a busier second rolls to a new file.</summary>
    [Range(1, 10_000_000)]
    public int MaxRowsPerFile { get; set; } = 200_000;

    /// <summary>Requests waiting to be written before new ones are dropped (and counted): the log never slows a request.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;
}

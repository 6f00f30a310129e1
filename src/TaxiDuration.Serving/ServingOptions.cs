using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.Serving;

/// <summary>Limits that protect the service from oversized requests. Bound from the <c>Serving</c> section.</summary>
public sealed class ServingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Serving";

    /// <summary>Most rides one <c>POST /predict/batch</c> may carry.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>
    /// Largest request body accepted, in bytes. Kestrel's default (30 MB) is far more than a ride needs; a full
    /// batch of 1,000 rides is about 100 KB, so 256 KB leaves room without inviting memory abuse.
    /// </summary>
    [Range(256, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

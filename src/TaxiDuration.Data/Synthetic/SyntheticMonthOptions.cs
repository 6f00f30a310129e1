namespace TaxiDuration.Data.Synthetic;

/// <summary>What synthetic month to write; call <see cref="Validate"/> before use.</summary>
public sealed class SyntheticMonthOptions
{
    /// <summary>About the size of a real green month in 2021 (2021-01 has 76,518 rows).</summary>
    public const int DefaultRows = 70_000;

    /// <summary>
    /// Trips in a normal month. Scenarios that change volume scale it (a <see cref="SyntheticScenario.Lockdown"/>
    /// month has fewer rows).
    /// </summary>
    public int Rows { get; set; } = DefaultRows;

    /// <summary>Seed of the random stream; the same seed, month, rows and scenario give the same file.</summary>
    public int Seed { get; set; } = 42;

    public SyntheticScenario Scenario { get; set; } = SyntheticScenario.None;

    /// <summary>
    /// Rows per Parquet row group: pyarrow's default, which TLC's own files follow. A month bigger than this (a yellow
    /// month is about 3 million trips) is written as several groups, so a streamed reader holds one at a time.
    /// </summary>
    public int RowGroupRows { get; set; } = 1_048_576;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Rows is < 1 or > 50_000_000)
        {
            throw new ArgumentException($"{nameof(Rows)} must be between 1 and 50,000,000, got {Rows}.", nameof(Rows));
        }

        if (RowGroupRows < 1)
        {
            throw new ArgumentException($"{nameof(RowGroupRows)} must be at least 1, got {RowGroupRows}.", nameof(RowGroupRows));
        }

        if (!Enum.IsDefined(Scenario))
        {
            throw new ArgumentException($"{nameof(Scenario)} '{Scenario}' is not a known scenario.", nameof(Scenario));
        }
    }
}

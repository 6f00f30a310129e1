using System.Globalization;
using TaxiDuration.Data.Download;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// Writes a synthetic green-taxi month as TLC-schema Parquet, for running every level without the real files.
/// Same month and options give the same bytes. The file's key-value metadata carries <see cref="MetadataKey"/>
/// so a synthetic file can always be told apart from a real one, wherever it ends up.
/// </summary>
public sealed class SyntheticMonthGenerator
{
    /// <summary>Key-value metadata key whose value describes the generator settings ("scenario=None;seed=42;rows=70000").</summary>
    public const string MetadataKey = "taxi_duration.synthetic";

    /// <summary>Generates <paramref name="month"/> and writes it atomically to <paramref name="path"/>.</summary>
    /// <returns>The number of rows written (scenarios may scale <see cref="SyntheticMonthOptions.Rows"/>).</returns>
    /// <exception cref="ArgumentException">Invalid options, or a yellow month (only the green schema is generated).</exception>
    public async Task<int> WriteAsync(TaxiMonth month, string path, SyntheticMonthOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var trips = Generate(month, options);
        var metadata = new Dictionary<string, string>
        {
            [MetadataKey] = string.Create(CultureInfo.InvariantCulture, $"scenario={options.Scenario};seed={options.Seed};rows={options.Rows}"),
        };
        await AtomicFile.WriteAsync(path, (stream, token) => GreenTripParquetWriter.WriteAsync(trips, metadata, options.RowGroupRows, stream, token), cancellationToken);
        return trips.Count;
    }

    internal static IReadOnlyList<SyntheticTrip> Generate(TaxiMonth month, SyntheticMonthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (month.Service != TaxiService.Green)
        {
            throw new ArgumentException($"Synthetic data is generated for green months only, not {month}.", nameof(month));
        }

        var profile = ScenarioProfile.For(options.Scenario);
        var random = new Random(StreamSeed(options.Seed, month));
        var rows = Math.Max(1, (int)Math.Round(options.Rows * profile.VolumeFactor));
        var plan = new DefectPlan(rows, random);
        var factory = new SyntheticTripFactory(month, new CityModel(profile.Hubs), profile, random);
        var trips = new SyntheticTrip[rows];
        for (var row = 0; row < rows; row++)
        {
            trips[row] = factory.Create(plan.DefectOf(row), plan.LacksMeterFields(row));
        }

        // Real files come roughly in pickup order; OrderBy is stable, so ties keep a reproducible order.
        return trips.OrderBy(trip => trip.Pickup).ToArray();
    }

    /// <summary>Mixes the month into the seed so consecutive months differ while each stays reproducible.</summary>
    private static int StreamSeed(int seed, TaxiMonth month) => unchecked((seed * 1_000_003) + (month.Year * 12) + month.Month);
}

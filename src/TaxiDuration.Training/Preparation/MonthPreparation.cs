using System.Security.Cryptography;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;
using TaxiDuration.Trips;

namespace TaxiDuration.Training.Preparation;

/// <summary>
/// Ingest → validate → featurize for one month: what every training host does before it fits anything (the level-1
/// CLI by hand, the level-2 pipeline as its first three stages).
/// </summary>
public sealed class MonthPreparation(MonthCatalog catalog, ITripReader reader, TripDataValidator validator)
{
    /// <exception cref="DataValidationFailedException">The month does not meet the data expectations.</exception>
    public async Task<PreparedMonth> PrepareAsync(string role, TaxiMonth month, CancellationToken cancellationToken)
    {
        var file = await catalog.ResolveAsync(month, cancellationToken);
        var (report, features) = await ValidateAndFeaturizeAsync(reader, validator, file.Path, month, $"{role} {month}", cancellationToken);
        return new PreparedMonth(role, file, report, features, await Sha256Async(file.Path, cancellationToken));
    }

    /// <summary>
    /// One streamed pass serves both validation and features: each row group is counted, then featurized and dropped,
    /// as the columns it decodes to, so the raw month is never held nor made into records (docs/benchmarks/scale.md: 3 million rows).
    /// </summary>
    /// <exception cref="DataValidationFailedException">The month does not meet the data expectations.</exception>
    public static async Task<(DataValidationReport Report, FeaturizedMonth Features)> ValidateAndFeaturizeAsync(
        ITripReader reader, TripDataValidator validator, string path, TaxiMonth month, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(validator);
        var (report, features) = await validator.ValidateWhileAsync(
            reader.ReadColumnsAsync(path, cancellationToken),
            rowGroups => TripFeaturizer.FeaturizeAsync(rowGroups, cancellationToken),
            month,
            subject,
            cancellationToken);
        return report.Passed ? (report, features) : throw new DataValidationFailedException(report);
    }

    // The fingerprint a tracked run records, so a rerun can prove it read the same bytes.
    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

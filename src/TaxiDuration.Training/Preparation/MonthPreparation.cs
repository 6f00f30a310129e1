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
        // One read serves both validation and features: the records are validated as read, then featurized.
        var records = await reader.ReadAllAsync(file.Path, cancellationToken);
        var report = validator.Validate(records, month, $"{role} {month}");
        if (!report.Passed)
        {
            throw new DataValidationFailedException(report);
        }

        var features = TripFeaturizer.Featurize(records);
        return new PreparedMonth(role, file, report, features, await Sha256Async(file.Path, cancellationToken));
    }

    // The fingerprint a tracked run records, so a rerun can prove it read the same bytes.
    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

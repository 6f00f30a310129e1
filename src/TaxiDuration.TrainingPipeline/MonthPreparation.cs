using TaxiDuration.Data;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline;

/// <summary>Ingest → validate → featurize for one month: the pipeline's first three stages.</summary>
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
        return new PreparedMonth(role, file, report, features, ContentHash.OfFile(file.Path));
    }
}

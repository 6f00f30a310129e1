using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;

namespace TaxiDuration.Training.Preparation;

/// <summary>A month ready for training: where it came from, what validation said, its examples and its fingerprint.</summary>
public sealed record PreparedMonth(
    string Role,
    MonthFile File,
    DataValidationReport Validation,
    FeaturizedMonth Features,
    string ContentHash)
{
    public IReadOnlyList<TripExample> Examples => Features.Examples;
}

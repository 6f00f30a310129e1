using TaxiDuration.Data.Validation;

namespace TaxiDuration.Training.Preparation;

/// <summary>A month failed its data expectations; the run stops before training on it. The report says why.</summary>
public sealed class DataValidationFailedException : Exception
{
    public DataValidationFailedException(DataValidationReport report)
        : base($"Data validation failed, the run stops here: {report}")
    {
        Report = report;
    }

    public DataValidationReport Report { get; }
}

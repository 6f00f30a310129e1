using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// Compares a window with a version's reference profile, column by column, with Evidently's default tests (the
/// test depends on the reference size, see <see cref="DriftTestSelector"/>) plus PSI, and each category's unseen share.
/// </summary>
public sealed class DriftAnalyzer(DriftOptions options)
{
    public const string TripDistance = "trip_distance";
    public const string PickupHour = "pickup_hour";
    public const string PickupDayOfWeek = "pickup_day_of_week";
    public const string PickupZone = "pickup_zone";
    public const string DropoffZone = "dropoff_zone";

    /// <param name="window">The window's name in reports, e.g. "green 2020-04".</param>
    /// <param name="labelled">Whether <paramref name="current"/>'s actual durations are real labels (performance is only judged then).</param>
    public DriftReport Analyze(string window, ReferenceProfile reference, ReferenceSample current, DataQuality quality, bool labelled)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.Count == 0)
        {
            throw new ArgumentException($"The window {window} has no trips to compare.", nameof(current));
        }

        var baseline = reference.Sample;
        FeatureDrift[] features =
        [
            Numerical(TripDistance, baseline.TripDistance, current.TripDistance),
            Numerical(PickupHour, baseline.PickupHour, current.PickupHour),
            // Declared categorical, as Evidently's column mapping allows: seven named days, not a quantity. As a number
            // it would "drift" every month on the calendar alone (a month with five Fridays moves its Wasserstein distance).
            Categorical(PickupDayOfWeek, Days(baseline.PickupDayOfWeek), Days(current.PickupDayOfWeek)),
            Categorical(PickupZone, baseline.PickupZone, current.PickupZone),
            Categorical(DropoffZone, baseline.DropoffZone, current.DropoffZone),
        ];
        var predicted = Doubles(current.Predicted);
        var referencePredicted = Doubles(baseline.Predicted);
        var psi = PopulationStability.Index(referencePredicted, predicted);
        var wasserstein = Wasserstein.NormalizedDistance(referencePredicted, predicted);
        var prediction = new PredictionDrift(psi, wasserstein, psi >= options.PredictionPsi || wasserstein >= options.PredictionWasserstein);
        var performance = labelled ? PerformanceCheck.Evaluate(current.Actual, current.Predicted, reference.Metrics, options) : null;
        return new DriftReport(window, reference.Month, features, prediction, quality, performance, options.DatasetDriftShare)
        {
            EstimatedRmse = LabelFreeRmse.Fit(baseline).Estimate(current),
        };
    }

    private FeatureDrift Numerical(string name, float[] reference, float[] current)
    {
        var (referenceValues, currentValues) = (Doubles(reference), Doubles(current));
        var psi = PopulationStability.Index(referenceValues, currentValues);
        var test = DriftTestSelector.Numerical(referenceValues, currentValues);
        return new FeatureDrift(name, ColumnKind.Numerical, test, psi, Level(psi), UnseenShare: null, test.Drifted);
    }

    private FeatureDrift Categorical(string name, int[] reference, int[] current)
    {
        var psi = PopulationStability.Categorical<int>(reference, current);
        var test = DriftTestSelector.Categorical<int>(reference, current);
        var seen = reference.ToHashSet();
        var unseen = (double)current.Count(value => !seen.Contains(value)) / current.Length;
        return new FeatureDrift(name, ColumnKind.Categorical, test, psi, Level(psi), unseen, test.Drifted || unseen > options.UnseenZoneAlert);
    }

    private PsiLevel Level(double psi) =>
        psi >= options.PsiAlert ? PsiLevel.Alert : psi >= options.PsiWarning ? PsiLevel.Warning : PsiLevel.Stable;

    private static int[] Days(float[] values) => Array.ConvertAll(values, value => (int)value);

    private static double[] Doubles(float[] values) => Array.ConvertAll(values, value => (double)value);
}

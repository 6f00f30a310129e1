namespace TaxiDuration.Training.Featurization;

/// <summary>Which columns of a <see cref="TaxiDuration.Features.TripExample"/> a model sees.</summary>
public enum FeatureSet
{
    /// <summary>Exactly the course's features: one-hot <c>PU_DO</c> plus the trip distance.</summary>
    Course,

    /// <summary>Pickup and drop-off zones, pickup hour and weekday, and distance; what the tree learners need.</summary>
    Rich,

    /// <summary>The same facts as <see cref="Rich"/> in a short dense vector (zones as IDs): what trees score fast.</summary>
    Dense,

    /// <summary>
    /// <see cref="Rich"/> plus what the training month says about the zone pair (<see cref="PairPriors"/>): its mean
    /// duration, its pace and its usual miles, and two figures that set them against the trip's own miles (pace × miles,
    /// miles over the pair's usual). Measured on green 2021-01 → 02 → 03 with the default LightGBM: validation RMSE
    /// 5.51 (Rich) → 5.39 (mean duration) → 5.30 (all five), test 5.46 → 5.29 → 5.18.
    /// </summary>
    PairPrior,
}

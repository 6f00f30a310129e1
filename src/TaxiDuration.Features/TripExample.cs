namespace TaxiDuration.Features;

/// <summary>
/// One featurized trip, the row type every ML.NET pipeline in the template reads. Location IDs are kept as
/// strings because they are categories (the course one-hot encodes them), not quantities.
/// </summary>
/// <remarks>Public fields, not properties: ML.NET maps either, and fields keep the row a plain data carrier.</remarks>
public sealed class TripExample
{
    /// <summary>TLC pickup zone ID as text, e.g. "43".</summary>
    // Stryker disable once String : equivalent, every example is made by TripFeaturizer, which sets this field.
    public string PickupLocation = "";

    /// <summary>TLC drop-off zone ID as text, e.g. "151".</summary>
    // Stryker disable once String : equivalent, every example is made by TripFeaturizer, which sets this field.
    public string DropoffLocation = "";

    /// <summary>The course's <c>PU_DO</c> feature: pickup and drop-off zone joined by an underscore, e.g. "43_151".</summary>
    // Stryker disable once String : equivalent, every example is made by TripFeaturizer, which sets this field.
    public string PickupDropoff = "";

    /// <summary>Trip distance in miles as the meter recorded it.</summary>
    public float TripDistance;

    /// <summary>Hour of the pickup (0–23), NYC local time.</summary>
    public float PickupHour;

    /// <summary>Day of the week of the pickup (0 = Sunday … 6 = Saturday).</summary>
    public float PickupDayOfWeek;

    /// <summary>The target: drop-off minus pickup, in minutes. Zero when unknown (scoring requests).</summary>
    public float Duration;
}

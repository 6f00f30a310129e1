namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// The thresholds of a monitoring window, with the defaults the template documents: Evidently's per-column tests
/// (their thresholds live in <see cref="Statistics.DriftTestSelector"/>), PSI bands, unseen zones, prediction drift,
/// data quality and performance. Section <c>Monitoring</c> in configuration.
/// </summary>
public sealed class DriftOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>PSI at or above this is a warning (a shift worth a look).</summary>
    public double PsiWarning { get; init; } = 0.1;

    /// <summary>PSI at or above this is an alert (a shift that changes what a model sees).</summary>
    public double PsiAlert { get; init; } = 0.25;

    /// <summary>Share of a window's trips in a zone the reference never saw above which the column alerts.</summary>
    public double UnseenZoneAlert { get; init; } = 0.01;

    /// <summary>The dataset drifts when at least this share of columns drift (Evidently's default).</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>Prediction drift: PSI of the predictions at or above this…</summary>
    public double PredictionPsi { get; init; } = 0.2;

    /// <summary>…or their Wasserstein distance over the reference std at or above this.</summary>
    public double PredictionWasserstein { get; init; } = 0.1;

    /// <summary>A window whose trip count differs from the reference's by more than this share is a volume change.</summary>
    public double VolumeChange { get; init; } = 0.5;

    /// <summary>Performance alarm: window RMSE above this multiple of the reference RMSE…</summary>
    public double RmseRatioAlert { get; init; } = 1.10;

    /// <summary>…and the bootstrap 95 % lower bound of that ratio above this multiple.</summary>
    public double RmseRatioLowerBound { get; init; } = 1.05;

    /// <summary>Bootstrap resamples for the ratio's lower bound (fixed seed: the same window gives the same bound).</summary>
    public int BootstrapSamples { get; init; } = 2_000;

    public int Seed { get; init; } = 20_210_101;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid threshold.</summary>
    public void Validate()
    {
        if (PsiWarning <= 0 || PsiAlert < PsiWarning)
        {
            throw new ArgumentException($"Monitoring:PsiWarning ({PsiWarning}) must be positive and at most Monitoring:PsiAlert ({PsiAlert}).");
        }

        if (DatasetDriftShare is <= 0 or > 1 || UnseenZoneAlert is < 0 or > 1 || VolumeChange <= 0)
        {
            throw new ArgumentException("Monitoring:DatasetDriftShare must be in (0, 1], UnseenZoneAlert in [0, 1] and VolumeChange positive.");
        }

        if (RmseRatioAlert < 1 || RmseRatioLowerBound < 1 || BootstrapSamples < 100)
        {
            throw new ArgumentException("Monitoring:RmseRatioAlert and RmseRatioLowerBound must be at least 1, BootstrapSamples at least 100.");
        }
    }
}

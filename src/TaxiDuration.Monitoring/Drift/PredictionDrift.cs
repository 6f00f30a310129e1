namespace TaxiDuration.Monitoring.Drift;

/// <summary>Whether the model's output moved: PSI of the predictions and their normalised Wasserstein distance.</summary>
public sealed record PredictionDrift(double Psi, double NormalizedWasserstein, bool Drifted);

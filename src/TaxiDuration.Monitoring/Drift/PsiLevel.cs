namespace TaxiDuration.Monitoring.Drift;

/// <summary>How far a column's population stability index has moved, in the conventional bands.</summary>
public enum PsiLevel
{
    Stable,
    Warning,
    Alert,
}

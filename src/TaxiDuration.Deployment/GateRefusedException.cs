namespace TaxiDuration.Deployment;

/// <summary>The gate cannot judge this request honestly (e.g. a model has seen the month); nothing was recorded or moved.</summary>
public sealed class GateRefusedException : InvalidOperationException
{
    public GateRefusedException(string message)
        : base(message)
    {
    }
}

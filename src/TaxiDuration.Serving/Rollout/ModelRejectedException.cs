namespace TaxiDuration.Serving.Rollout;

/// <summary>A registered version failed a check before serving (hash, loading, canary predictions); it is not served.</summary>
public sealed class ModelRejectedException : Exception
{
    public ModelRejectedException(string version, string reason, Exception? innerException = null)
        : base($"{version} is not served: {reason}", innerException)
    {
        Version = version;
        Reason = reason;
    }

    public string Version { get; }

    public string Reason { get; }
}

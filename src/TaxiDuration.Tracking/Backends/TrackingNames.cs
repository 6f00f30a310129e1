namespace TaxiDuration.Tracking.Backends;

/// <summary>
/// Argument checks every backend's entry points share, with MLflow's limits, so a run logged to one store is accepted
/// by any other (SQLite, PostgreSQL, a later MLflow server).
/// </summary>
internal static class TrackingNames
{
    private const int MaxKeyLength = 250;

    public static string Key(string key, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key, what);
        return key.Length <= MaxKeyLength
            ? key
            : throw new ArgumentException($"{what} '{key[..40]}…' is {key.Length} characters; at most {MaxKeyLength} are allowed.", what);
    }

    /// <summary>A relative '/'-separated path inside a run; refuses anything that could escape it.</summary>
    public static string ArtifactPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(path));
        var normalized = path.Replace('\\', '/').Trim();
        var segments = normalized.Split('/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(normalized) || segments.Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"Artifact path '{path}' must be relative, without empty, '.' or '..' segments (e.g. 'model/model.zip').", nameof(path));
        }

        return normalized;
    }
}

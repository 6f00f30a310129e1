using System.Reflection;

namespace TaxiDuration.CommandLine;

/// <summary>Which commit the running code was built from, for the lineage of tracked runs.</summary>
public static class BuildInfo
{
    /// <summary>
    /// The commit the SDK's SourceLink stamped into the entry assembly's informational version ("1.0.0+&lt;sha&gt;"), or
    /// null when it was built outside a git repository.
    /// </summary>
    public static string? Commit =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } version
        && version.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0
            ? version[(plus + 1)..]
            : null;
}

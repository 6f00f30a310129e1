using System.Diagnostics;
using Xunit;

namespace TaxiDuration.TestSupport;

/// <summary>
/// Prometheus' own checker (Debian package <c>prometheus</c>; .ci/run installs it), run as a process: the alert rules'
/// unit tests, the level-4 loop's metrics file and the services' <c>/metrics</c> are judged by the tool Prometheus
/// users run, not by a reimplementation of its rules.
/// </summary>
public static class Promtool
{
    public static string? Path { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(System.IO.Path.PathSeparator)
        .Select(folder => System.IO.Path.Combine(folder, "promtool"))
        .FirstOrDefault(File.Exists);

    public static string? SkipReason => Path is null ? "promtool is not installed (apt-get install prometheus); .ci/run installs it" : null;

    /// <summary>Runs promtool in <paramref name="folder"/>; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(SkipReason))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A fact that needs promtool; skipped, with the reason, only when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute() => Skip = Promtool.SkipReason;
}

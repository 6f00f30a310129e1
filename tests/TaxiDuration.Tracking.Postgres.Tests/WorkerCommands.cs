using System.Diagnostics;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Starts this test assembly as a child process running one of <see cref="Program"/>'s commands.</summary>
internal static class WorkerCommands
{
    public const string LogRuns = "log-runs";
    public const string HoldRun = "hold-run";
    public const string Ready = "ready";

    /// <summary>LogMetric calls per run in <see cref="LogRuns"/>, besides the closing batch's two metrics.</summary>
    public const int EpochMetricsPerRun = 5;

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(WorkerCommands).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process");
    }

    // The SDK names its host in DOTNET_HOST_PATH; the test host itself usually runs under it as well.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

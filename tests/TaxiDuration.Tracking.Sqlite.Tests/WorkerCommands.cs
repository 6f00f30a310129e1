using System.Diagnostics;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>Starts this test assembly as a child process running one of <see cref="Program"/>'s commands.</summary>
internal static class WorkerCommands
{
    public const string LogMetrics = "log-metrics";
    public const string HoldRun = "hold-run";

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
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

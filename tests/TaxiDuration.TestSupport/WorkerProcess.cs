using System.Diagnostics;
using System.Reflection;

namespace TaxiDuration.TestSupport;

/// <summary>
/// Starts a test assembly as a child process whose <c>Program</c> is a worker entry point, to prove behaviour across
/// real processes (concurrent writers, a writer killed mid-run). Its standard streams are the test's to drive and read.
/// </summary>
public static class WorkerProcess
{
    public static Process Start(Assembly testAssembly, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(testAssembly.Location);
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

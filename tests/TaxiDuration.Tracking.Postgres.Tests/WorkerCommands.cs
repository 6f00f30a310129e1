using System.Diagnostics;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Starts this test assembly as a child process running one of <see cref="Program"/>'s commands.</summary>
internal static class WorkerCommands
{
    public const string LogRuns = "log-runs";
    public const string Ready = "ready";

    /// <summary>LogMetric calls per run in <see cref="LogRuns"/>, besides the closing batch's two metrics.</summary>
    public const int EpochMetricsPerRun = 5;

    public static Process Start(params string[] arguments) => WorkerProcess.Start(typeof(WorkerCommands).Assembly, arguments);
}

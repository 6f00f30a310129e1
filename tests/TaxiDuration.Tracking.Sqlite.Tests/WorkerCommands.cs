using System.Diagnostics;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>Starts this test assembly as a child process running one of <see cref="Program"/>'s commands.</summary>
internal static class WorkerCommands
{
    public const string LogMetrics = "log-metrics";

    public static Process Start(params string[] arguments) => WorkerProcess.Start(typeof(WorkerCommands).Assembly, arguments);
}

using System.Diagnostics;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests;

/// <summary>Starts this test assembly as a child process running one of <see cref="Program"/>'s commands.</summary>
internal static class WorkerCommands
{
    /// <summary>Opens a store, starts a run, logs a metric, prints the run id and waits to be killed.</summary>
    public const string HoldRun = "hold-run";

    /// <summary>Exits at once: a process id that belonged to a process that has ended.</summary>
    public const string ExitAtOnce = "exit-at-once";

    public static Process Start(params string[] arguments) => WorkerProcess.Start(typeof(WorkerCommands).Assembly, arguments);
}

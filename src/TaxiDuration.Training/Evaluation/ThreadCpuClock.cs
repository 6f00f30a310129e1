using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TaxiDuration.Training.Evaluation;

/// <summary>
/// The CPU time the calling thread has used. Unlike wall time it does not grow while the thread waits for a core,
/// so a scoring cost measured on a busy machine (CI runs test assemblies in parallel on two cores) stays comparable
/// between models. Where the platform has no per-thread clock it falls back to wall time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID on Linux.

    /// <summary>Seconds spent by <paramref name="work"/> on this thread.</summary>
    public static double Measure(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (OperatingSystem.IsLinux() && TryRead(out var before))
        {
            work();
            if (TryRead(out var after))
            {
                return after - before;
            }
        }

        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    private static bool TryRead(out double seconds)
    {
        seconds = 0;
        if (NativeMethods.clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return false;
        }

        seconds = time.Seconds + (time.Nanoseconds / 1e9);
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}

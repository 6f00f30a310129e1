using System.Diagnostics;

namespace TaxiDuration.Tracking;

/// <summary>Ownership by this machine's processes: host name, process id and the process start time.</summary>
public sealed class LocalRunOwnership : IRunOwnership
{
    // Process start times are derived from clock ticks since boot; allow for rounding between two readings.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);

    public LocalRunOwnership()
    {
        using var self = Process.GetCurrentProcess();
        // Whole milliseconds: the precision owners are stored with, so a stored owner equals the live one.
        var started = DateTimeOffset.FromUnixTimeMilliseconds(new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
        Current = new RunOwner(Environment.MachineName, self.Id, started);
    }

    public RunOwner Current { get; }

    public bool IsAlive(RunOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            if (process.HasExited)
            {
                return false;
            }

            var started = new DateTimeOffset(process.StartTime.ToUniversalTime());
            return (started - owner.ProcessStartTime).Duration() <= StartTimeTolerance;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // No such process, or it ended while being inspected.
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // It exists but belongs to someone we may not inspect: calling a live run dead would be the worse mistake.
            return true;
        }
    }
}

namespace TaxiDuration.ScaleBenchmark;

/// <summary>The most resident memory this process has used so far (Linux's VmHWM), which no GC snapshot shows.</summary>
internal static class PeakMemory
{
    public static long Bytes()
    {
        const string Prefix = "VmHWM:";
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(text => text.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new PlatformNotSupportedException("No VmHWM in /proc/self/status: peak memory is measured on Linux only.");
        return long.Parse(line[Prefix.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}

using System.Diagnostics;

namespace TaxiDuration.TestSupport;

/// <summary>
/// A folder's read-only view through a bind mount (as a container mounts a volume <c>:ro</c>): the real thing, not a
/// permission bit that root ignores. Needs Linux and the right to mount (root in CI); tests say why they skip otherwise.
/// </summary>
public sealed class ReadOnlyMount : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private ReadOnlyMount(string source, string path)
    {
        Source = source;
        Path = path;
    }

    /// <summary>The writable folder the mount shows.</summary>
    public string Source { get; }

    /// <summary>The read-only view.</summary>
    public string Path { get; }

    /// <summary>Why read-only mounts cannot be made here, or null when they can.</summary>
    public static string? SkipReason => Unavailable.Value;

    /// <summary>Mounts <paramref name="source"/> read-only at a fresh folder.</summary>
    public static ReadOnlyMount Of(string source)
    {
        var target = Directory.CreateTempSubdirectory("read-only-view-").FullName;
        Mount(source, target);
        return new ReadOnlyMount(source, target);
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Mount(string source, string target)
    {
        if (Run("mount", "--bind", source, target) is { } bind)
        {
            throw new InvalidOperationException($"mount --bind failed: {bind}");
        }

        if (Run("mount", "-o", "remount,ro,bind", target) is { } remount)
        {
            Run("umount", target);
            throw new InvalidOperationException($"remount read-only failed: {remount}");
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "read-only bind mounts need Linux";
        }

        var source = Directory.CreateTempSubdirectory("read-only-probe-").FullName;
        try
        {
            using var mount = Of(source);
            return File.Exists(System.IO.Path.Combine(mount.Path, "x")) ? "the probe mount is not empty" : null;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"this process cannot make a read-only bind mount (needs root / CAP_SYS_ADMIN): {error.Message}";
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }

    // The command's error output when it fails, else null.
    private static string? Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{command} exited {process.ExitCode}: {error.Trim()}";
    }
}

/// <summary>A fact that needs <see cref="ReadOnlyMount"/>; skipped with the reason where mounts cannot be made.</summary>
public sealed class ReadOnlyMountFactAttribute : Xunit.FactAttribute
{
    public ReadOnlyMountFactAttribute() => Skip = ReadOnlyMount.SkipReason;
}

// Small helpers for running child processes: fail loudly with the command line, optionally keep the output.
public sealed record ProcessRun(int ExitCode, IReadOnlyList<string> Output, TimeSpan Elapsed);

ProcessRun Run(string tool, ProcessArgumentBuilder arguments, bool captureOutput = false, bool allowFailure = false)
{
    var settings = new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = Paths.Root,
        RedirectStandardOutput = captureOutput,
    };
    var watch = System.Diagnostics.Stopwatch.StartNew();
    IEnumerable<string> output = Array.Empty<string>();
    var exitCode = captureOutput ? StartProcess(tool, settings, out output) : StartProcess(tool, settings);
    watch.Stop();
    var lines = output.ToList();
    if (captureOutput)
    {
        foreach (var line in lines)
        {
            Information(line);
        }
    }

    if (exitCode != 0 && !allowFailure)
    {
        throw new CakeException($"'{tool} {arguments.RenderSafe()}' failed with exit code {exitCode}");
    }

    return new ProcessRun(exitCode, lines, watch.Elapsed);
}

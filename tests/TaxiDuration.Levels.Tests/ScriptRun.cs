using System.Diagnostics;

namespace TaxiDuration.Levels.Tests;

/// <summary>The outcome of running a level's command as a real process: exit code and everything it printed.</summary>
internal sealed record ScriptRun(int ExitCode, string StandardOutput, string StandardError)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet run &lt;script&gt; args</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static async Task<ScriptRun> DotnetRunAsync(
        string scriptPath, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(scriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet run {scriptPath}");
        using var cancellation = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run {scriptPath} did not finish within {Timeout}");
        }

        return new ScriptRun(process.ExitCode, await output, await error);
    }
}

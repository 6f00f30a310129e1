using System.Diagnostics;

namespace TaxiDuration.Levels.Tests;

/// <summary>The outcome of running a level's command as a real process: exit code and everything it printed.</summary>
internal sealed record ScriptRun(int ExitCode, string StandardOutput, string StandardError)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Everything the process printed, for assertion messages.</summary>
    public string Transcript => $"exit code {ExitCode}\n{StandardOutput}\n{StandardError}";

    /// <summary>Runs <c>dotnet run &lt;script&gt; args</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Task<ScriptRun> DotnetRunAsync(
        string scriptPath, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        DotnetAsync(workingDirectory, environment, ["run", scriptPath, .. arguments]);

    /// <summary>Runs <c>dotnet args</c> (e.g. a built host: <c>dotnet X.dll train …</c>) and waits for it to exit.</summary>
    public static async Task<ScriptRun> DotnetAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
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
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new ScriptRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>dotnet args</c> with its output redirected; the caller owns (and must end) the process.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {string.Join(' ', arguments)}");
    }
}

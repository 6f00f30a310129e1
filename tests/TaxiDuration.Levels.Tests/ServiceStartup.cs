namespace TaxiDuration.Levels.Tests;

/// <summary>Starting a service that must refuse to start, and reading why.</summary>
internal static class ServiceStartup
{
    /// <summary>
    /// Starts the host, expects it to exit by itself, and returns what it said on standard error: exactly one line,
    /// no unhandled-exception dump. (Standard output carries the JSON log, where the exception is kept for whoever
    /// investigates.)
    /// </summary>
    public static async Task<string> StartAndFailAsync(string hostDll, IReadOnlyDictionary<string, string?> environment)
    {
        await using var service = RunningService.Start(hostDll, environment);
        var exitCode = await service.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit code {exitCode}, expected 1:\n{service.Output}");
        var errors = service.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(errors.Length == 1, $"expected one line on standard error:\n{service.Errors}");
        Assert.StartsWith("error: ", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", service.Output, StringComparison.Ordinal);
        return errors[0];
    }
}

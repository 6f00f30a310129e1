namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// A container health check without curl: the host's own binary, started with <see cref="Argument"/>, asks the
/// running service's <c>/health/ready</c> (can it do its job, not merely is it up) and exits 0 (healthy) or 1. The
/// aspnet runtime image ships no HTTP client.
/// </summary>
public static class HealthProbe
{
    /// <summary>The command-line switch that turns the host into a probe.</summary>
    public const string Argument = "--healthcheck";

    /// <summary>Whether the process was started as a probe rather than as the service.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args?.Contains(Argument, StringComparer.Ordinal) ?? false;

    /// <summary>
    /// The readiness endpoint on this machine: on <c>Management__Port</c> when the service has one, else on the first
    /// port in <c>ASPNETCORE_HTTP_PORTS</c> (8080, the image default).
    /// </summary>
    public static Uri DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = Environment.GetEnvironmentVariable("Management__Port") is { Length: > 0 } management
            ? management
            : ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return new Uri($"http://127.0.0.1:{(string.IsNullOrEmpty(port) ? "8080" : port)}/health/ready");
    }

    /// <summary>0 when <paramref name="url"/> answers 2xx within <paramref name="timeout"/>, otherwise 1.</summary>
    public static async Task<int> RunAsync(Uri url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"Health probe of {url} failed: {error.Message}");
            return 1;
        }
    }
}

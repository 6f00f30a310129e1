using System.Diagnostics;
using System.Net.Http.Json;

namespace TaxiDuration.Levels.Tests;

/// <summary>One answered request: when it left and came back (on the test's clock), its status and the version that answered.</summary>
internal sealed record Answer(TimeSpan Sent, TimeSpan Received, int Status, string? Version);

/// <summary>Keeps a few clients posting rides to a running service until stopped, and remembers every answer.</summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Answer> answers = [];
    private readonly Task[] clients;

    public LoadGenerator(Uri service, Stopwatch clock, int clientCount)
    {
        clients = [.. Enumerable.Range(0, clientCount).Select(client => Task.Run(() => PostUntilStoppedAsync(service, clock, $"client-{client}")))];
    }

    /// <summary>Stops the clients and returns every answer, in no particular order.</summary>
    public async Task<IReadOnlyList<Answer>> StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        lock (answers)
        {
            return [.. answers];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task PostUntilStoppedAsync(Uri service, Stopwatch clock, string clientId)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Client-Id", clientId);
        var ride = 0;
        while (!stop.IsCancellationRequested)
        {
            var sent = clock.Elapsed;
            Answer answer;
            try
            {
                using var response = await http.PostAsJsonAsync(
                    new Uri("/predict", UriKind.Relative), new { PULocationID = 1 + (ride % 200), DOLocationID = 1 + (ride * 7 % 200), trip_distance = 0.5 + (ride % 40 / 4.0) });
                answer = new Answer(sent, clock.Elapsed, (int)response.StatusCode, response.Headers.TryGetValues("X-Model-Version", out var versions) ? versions.Single() : null);
            }
            catch (HttpRequestException error)
            {
                answer = new Answer(sent, clock.Elapsed, 0, error.Message);
            }

            ride++;
            lock (answers)
            {
                answers.Add(answer);
            }
        }
    }
}

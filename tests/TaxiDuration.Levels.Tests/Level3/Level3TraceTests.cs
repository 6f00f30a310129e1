using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using TaxiDuration.PredictionLog;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// A caller's W3C trace through the level-3 service as a person runs it (a real process, its JSON console log): the
/// trace id of a <c>traceparent</c> header is the ProblemDetails <c>traceId</c>, is on the request's log line, and is
/// in the prediction log's record of the answer.
/// </summary>
public sealed class Level3TraceTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public async Task The_callers_trace_id_is_on_the_log_line_in_the_problem_and_in_the_prediction_record()
    {
        using var workspace = new LevelWorkspace("level3");
        await workspace.TrainFirstChampionAsync("acceptance: trace");
        await using var service = workspace.StartService();
        Assert.True(await service.WaitUntilReadyAsync(), service.Output);

        using var answered = await service.Client.SendAsync(Traced("""{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1.5, "trip_key": "traced"}"""));
        using var refused = await service.Client.SendAsync(Traced("""{"PULocationID": 0, "DOLocationID": 151, "trip_distance": 1.5}"""));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(TraceId, problem.RootElement.GetProperty("traceId").GetString());
        var lines = await RequestLinesAsync(service, count: 2);
        Assert.Equal([200, 400], lines.Select(line => line.GetProperty("State").GetProperty("StatusCode").GetInt32()).Order());
        Assert.All(lines, line => Assert.Equal(TraceId, line.GetProperty("State").GetProperty("TraceId").GetString()));
        var record = Assert.Single(await RecordsAsync(workspace.File("predictions")));
        Assert.Equal(("traced", TraceId), (record.TripKey, record.TraceId));
    }

    private static HttpRequestMessage Traced(string ride)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/predict", UriKind.Relative)) { Content = new StringContent(ride, Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        return request;
    }

    // The service's standard output: one JSON object per line; the request lines are written just after the answers.
    private static async Task<IReadOnlyList<JsonElement>> RequestLinesAsync(RunningService service, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lines = service.Output.Split('\n')
                .Where(line => line.Contains("\"Category\":\"TaxiDuration.ServiceDefaults.RequestTelemetryMiddleware\"", StringComparison.Ordinal))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone())
                .Where(line => line.GetProperty("State").GetProperty("Path").GetString() == "/predict")
                .ToList();
            if (lines.Count >= count || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.True(lines.Count == count, $"expected {count} request lines:\n{service.Output}");
                return lines;
            }

            await Task.Delay(50);
        }
    }

    // The log is written off the request path, at least once a second.
    private static async Task<IReadOnlyList<PredictionRecord>> RecordsAsync(string root)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var records = await PredictionLogFiles.ReadAllAsync(root);
            if (records.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return records;
            }

            await Task.Delay(100);
        }
    }
}

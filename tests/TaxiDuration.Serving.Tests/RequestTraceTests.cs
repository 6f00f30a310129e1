using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.PredictionLog;
using TaxiDuration.Serving.Rollout;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// One W3C trace id per request, end to end: the caller's <c>traceparent</c> (or a new trace) is the ProblemDetails
/// <c>traceId</c>, is on the request's log line and on every line logged while it runs, and is in its prediction records.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class RequestTraceTests(TrainedModelFixture model) : IDisposable
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerTraceparent = $"00-{CallerTraceId}-00f067aa0ba902b7-01";
    private const string ValidRide = """{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1.5, "trip_key": "traced-trip"}""";

    private readonly CapturedLogs logs = new();
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    // Each kind of error writes its ProblemDetails somewhere else: the handler (validation), the exception handler
    // (malformed JSON), the body-limit middleware (a declared length over the limit).
    public static TheoryData<string, HttpStatusCode> Errors => new()
    {
        { """{"PULocationID": 0, "DOLocationID": 151, "trip_distance": 1.5}""", HttpStatusCode.BadRequest },
        { """{"PULocationID": 43, "DOLocationID": """, HttpStatusCode.BadRequest },
        { ValidRide + new string(' ', 300 * 1024), HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task The_callers_traceparent_is_the_problem_details_trace_id_and_is_on_the_request_log_line(string body, HttpStatusCode status)
    {
        using var host = Host();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Traced(HttpMethod.Post, "/predict", body));

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.Equal(CallerTraceId, problem.GetProperty("traceId").GetString());
        var line = await RequestLineAsync(CallerTraceId);
        Assert.Equal("POST", line.Property("Method"));
        Assert.Equal("/predict", line.Property("Path"));
        Assert.Equal($"{(int)status}", line.Property("StatusCode"));
        Assert.True(double.Parse(line.Property("ElapsedMilliseconds")!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal(LogLevel.Information, line.Level);
    }

    [Fact]
    public async Task Without_a_traceparent_each_request_starts_a_trace_of_its_own_and_its_log_line_names_it()
    {
        using var host = Host();
        using var client = host.CreateClient();

        using var first = await client.GetAsync("/nowhere");
        // A client accepting only HTML: the framework's writer declines, ProblemJsonWriter answers, with the same trace id.
        using var html = new HttpRequestMessage(HttpMethod.Get, "/nowhere");
        html.Headers.Accept.ParseAdd("text/html");
        using var second = await client.SendAsync(html);

        var firstId = (await ProblemAssert.IsProblemAsync(first, HttpStatusCode.NotFound)).GetProperty("traceId").GetString()!;
        var secondId = (await ProblemAssert.IsProblemAsync(second, HttpStatusCode.NotFound)).GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", firstId);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal("/nowhere", (await RequestLineAsync(firstId)).Property("Path"));
        Assert.Equal("404", (await RequestLineAsync(secondId)).Property("StatusCode"));
    }

    [Fact]
    public async Task A_failure_inside_a_request_is_logged_under_the_same_trace_id_as_its_500_problem()
    {
        using var host = Host(services => services.AddSingleton<IPredictionObserver, FailingObserver>());
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Traced(HttpMethod.Post, "/predict", ValidRide));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(CallerTraceId, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString());
        // The framework's own error line: it names no trace, the scope the host's activity tracking adds does.
        var error = await logs.WaitForAsync(entry => entry.Level == LogLevel.Error, "at Error");
        Assert.Equal(CallerTraceId, error.Scope("TraceId"));
        Assert.Equal("500", (await RequestLineAsync(CallerTraceId)).Property("StatusCode"));
    }

    [Fact]
    public async Task Operational_requests_are_logged_at_debug_so_probes_do_not_drown_the_log()
    {
        using var host = Host(extraSettings: ("Logging:LogLevel:TaxiDuration", "Debug"));
        using var client = host.CreateClient();

        using var probe = await client.GetAsync("/health/live");
        using var predict = await client.SendAsync(Traced(HttpMethod.Post, "/predict", ValidRide));

        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal(LogLevel.Information, (await RequestLineAsync(CallerTraceId)).Level);
        var probeLine = await logs.WaitForAsync(entry => entry.Property("Path") == "/health/live", "for /health/live");
        Assert.Equal(LogLevel.Debug, probeLine.Level);
    }

    [Fact]
    public async Task A_prediction_logged_the_way_level_3_logs_it_carries_the_requests_trace_id()
    {
        // Level 3's path from an answer to the log: ShadowScoring (with no shadow configured it forwards every batch)
        // into the Parquet prediction log.
        using var host = Host(
            services =>
            {
                services.AddPredictionLog(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["PredictionLog:Directory"] = folder.File("predictions"),
                    ["PredictionLog:FlushInterval"] = "00:00:00.100",
                }).Build());
                services.AddOptions<RolloutOptions>();
                services.AddSingleton<ShadowScoring>();
                services.AddSingleton<IPredictionObserver>(provider => provider.GetRequiredService<ShadowScoring>());
            });
        using var client = host.CreateClient();

        using var single = await client.SendAsync(Traced(HttpMethod.Post, "/predict", ValidRide));
        using var batch = await client.PostAsync("/predict/batch", new StringContent($$"""{"rides": [{{ValidRide}}, {{ValidRide}}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var batchTrace = (await logs.WaitForAsync(entry => entry.Property("Path") == "/predict/batch", "for the batch")).Property("TraceId");

        var records = await RecordsAsync(folder.File("predictions"), expected: 3);
        Assert.Equal(CallerTraceId, Assert.Single(records, record => record.RideIndex == 0 && record.TraceId == CallerTraceId).TraceId);
        Assert.Equal(2, records.Count(record => record.TraceId == batchTrace));
        Assert.Matches("^[0-9a-f]{32}$", batchTrace);
    }

    private ServingHost Host(Action<IServiceCollection>? services = null, params (string Key, string? Value)[] extraSettings)
    {
        var settings = new Dictionary<string, string?> { ["Model:Path"] = model.ModelPath };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        return new ServingHost(settings, replaced =>
        {
            replaced.AddSingleton<ILoggerProvider>(logs);
            services?.Invoke(replaced);
        });
    }

    private Task<CapturedLog> RequestLineAsync(string traceId) =>
        logs.WaitForAsync(entry => entry.Category.EndsWith("RequestTelemetryMiddleware", StringComparison.Ordinal) && entry.Property("TraceId") == traceId, $"for the request of trace {traceId}");

    private static HttpRequestMessage Traced(HttpMethod method, string path, string body)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", CallerTraceparent);
        return request;
    }

    // The log writes off the request path, within its flush interval.
    private static async Task<IReadOnlyList<PredictionRecord>> RecordsAsync(string root, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<PredictionRecord> records = [];
        while (DateTime.UtcNow < deadline && records.Count < expected)
        {
            await Task.Delay(50);
            records = await PredictionLogFiles.ReadAllAsync(root);
        }

        Assert.Equal(expected, records.Count);
        return records;
    }

    private sealed class FailingObserver : IPredictionObserver
    {
        public void OnPredicted(PredictionBatch batch) => throw new InvalidOperationException("an observer failed");
    }
}

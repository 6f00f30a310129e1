using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// <c>/metrics</c> of the serving block's host on Kestrel (a real socket, so the server's own body limit and errors are in
/// play), after traffic with every kind of client mistake: Prometheus' own linter accepts it, and every request is
/// counted against the route it asked for.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed partial class MetricsExpositionTests(TrainedModelFixture model) : IAsyncLifetime
{
    private const int MaxBodyBytes = 1_024;
    private const string Ride = """{"PULocationID": 43, "DOLocationID": 151, "trip_distance": 1.5}""";

    private readonly ServingHost host = ServingHost.Serving(model.ModelPath, ("Serving:MaxRequestBodyBytes", $"{MaxBodyBytes}"));
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        host.UseKestrel(0);
        client = host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
    }

    [PromtoolFact]
    public async Task Promtool_finds_nothing_to_complain_about_after_traffic_with_client_errors()
    {
        await SendMixedTrafficAsync();

        var metrics = await client.GetStringAsync("/metrics");
        using var folder = new TemporaryFolder();
        var (exitCode, output) = await Promtool.RunAsync(folder.Path, metrics, "check", "metrics");

        Assert.True(exitCode == 0 && output.Length == 0, $"promtool check metrics (exit {exitCode}):\n{output}");
        Assert.Contains("taxi_predicted_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_is_counted_against_its_route_even_when_it_fails_before_the_handler()
    {
        await SendMixedTrafficAsync();

        var metrics = await client.GetStringAsync("/metrics");

        var counted = RequestCounter().Matches(metrics).ToDictionary(
            match => $"{match.Groups["code"].Value} {match.Groups["method"].Value} {match.Groups["endpoint"].Value}",
            match => int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["200 POST /predict"] = 2, // "/predict" and "/predict/" are one route
                ["200 POST /predict/batch"] = 1,
                ["400 POST /predict"] = 2, // the invalid ride and the malformed JSON
                ["413 POST /predict"] = 2, // the declared and the streamed oversize body
                ["415 POST /predict"] = 1, // refused by routing, before any endpoint runs
                ["405 GET unmatched"] = 1, // no route takes GET there: as unmatched as a made-up path
                ["404 GET unmatched"] = 1,
            },
            counted);
    }

    private async Task SendMixedTrafficAsync()
    {
        await ExpectAsync(HttpStatusCode.OK, client.PostAsync("/predict", Json(Ride)));
        await ExpectAsync(HttpStatusCode.OK, client.PostAsync("/predict/", Json(Ride)));
        await ExpectAsync(HttpStatusCode.OK, client.PostAsync("/predict/batch", Json($$"""{"rides": [{{Ride}}, {{Ride}}]}""")));
        await ExpectAsync(HttpStatusCode.BadRequest, client.PostAsync("/predict", Json("""{"PULocationID": 0, "DOLocationID": 151, "trip_distance": 1.5}""")));
        await ExpectAsync(HttpStatusCode.BadRequest, client.PostAsync("/predict", Json("""{"PULocationID": 43, "DOLocationID": """)));
        // Over the limit with a Content-Length (refused before reading) and streamed without one (the server stops
        // reading at the limit).
        await ExpectAsync(HttpStatusCode.RequestEntityTooLarge, client.PostAsync("/predict", Json(Ride + new string(' ', MaxBodyBytes))));
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Ride + new string(' ', 4 * MaxBodyBytes))));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        await ExpectAsync(HttpStatusCode.RequestEntityTooLarge, client.SendAsync(chunked));
        await ExpectAsync(HttpStatusCode.UnsupportedMediaType, client.PostAsync("/predict", new StringContent(Ride, Encoding.UTF8, "text/plain")));
        await ExpectAsync(HttpStatusCode.MethodNotAllowed, client.GetAsync("/predict"));
        await ExpectAsync(HttpStatusCode.NotFound, client.GetAsync("/nowhere"));
    }

    private static async Task ExpectAsync(HttpStatusCode expected, Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.Equal(expected, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [GeneratedRegex("""^http_requests_received_total\{code="(?<code>\d+)",method="(?<method>[A-Za-z]+)",endpoint="(?<endpoint>[^"]*)"\} (?<count>\d+)$""", RegexOptions.Multiline)]
    private static partial Regex RequestCounter();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TaxiDuration.ServiceDefaults.Tests;

/// <summary>Every error a client can provoke is a 4xx ProblemDetails it can act on, and none grows the metrics.</summary>
public sealed class ErrorSurfaceTests
{
    [Theory]
    [InlineData("application/json; charset=\"utf-8\"", HttpStatusCode.OK)]
    [InlineData("application/json; charset=UTF8", HttpStatusCode.OK)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/json; charset=foo", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-7", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_json_body_is_read_as_utf8_in_any_spelling_and_any_other_charset_is_a_415_problem(string contentType, HttpStatusCode expected)
    {
        await using var app = await Echo();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new ByteArrayContent("{\"value\": 3}"u8.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            await AssertProblemAsync(response);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_a_400_problem_that_names_no_internals(string body)
    {
        await using var app = await Echo();

        using var response = await app.Client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AssertProblemAsync(response);
        Assert.DoesNotContain("parameter", problem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Payload", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field_not_the_dotnet_type()
    {
        await using var app = await Echo();

        using var response = await app.Client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("{\"value\": \"three\"}", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"value\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(Payload).FullName!, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    public async Task An_unknown_route_is_a_404_problem_whatever_the_client_accepts(string accept)
    {
        await using var app = await Echo();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/route");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertProblemAsync(response);
    }

    [Theory]
    [InlineData("POST", "/health/live")]
    [InlineData("DELETE", "/health/ready")]
    [InlineData("PUT", "/metrics")]
    [InlineData("POST", "/openapi/v1.json")]
    public async Task Operational_endpoints_answer_reads_only(string method, string path)
    {
        await using var app = await Echo();

        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task Invented_methods_share_one_series_and_failures_count_against_their_endpoint()
    {
        await using var app = await Echo();
        var before = (await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Length;

        for (var i = 0; i < 300; i++)
        {
            using var invented = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod($"FUZZ{i}"), "/echo"));
        }

        using var broken = await app.Client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("{", Encoding.UTF8, "application/json"));
        var metrics = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var requests = string.Join('\n', metrics.Split('\n').Where(line => line.StartsWith("http_requests_received_total{", StringComparison.Ordinal)));

        // No endpoint takes an invented method, so routing answers 405 itself: one bounded series.
        Assert.True(requests.Contains("http_requests_received_total{code=\"405\",method=\"other\",endpoint=\"unmatched\"} 300", StringComparison.Ordinal), requests);
        Assert.True(requests.Contains("http_requests_received_total{code=\"400\",method=\"POST\",endpoint=\"/echo\"} 1", StringComparison.Ordinal), requests);
        Assert.DoesNotContain("FUZZ", metrics, StringComparison.Ordinal);
        Assert.True(metrics.Length < before + 8_000, $"/metrics grew from {before} to {metrics.Length} bytes");
    }

    [Fact]
    public async Task With_a_management_port_the_operational_endpoints_answer_only_there()
    {
        var management = FreePort();
        await using var app = await DefaultsApp.StartAsync(
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0", $"http://127.0.0.1:{management}");
                builder.Configuration["Management:Port"] = management.ToString(System.Globalization.CultureInfo.InvariantCulture);
            },
            web => web.MapGet("/api", () => "api"));
        using var managementClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{management}") };
        using var publicClient = new HttpClient { BaseAddress = app.Urls.Select(url => new Uri(url)).Single(url => url.Port != management) };

        using var publicMetrics = await publicClient.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var managementMetrics = await managementClient.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var publicApi = await publicClient.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, publicMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, managementMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicApi.StatusCode);
    }

    private static Task<DefaultsApp> Echo() => DefaultsApp.StartAsync(map: web => web.MapPost("/echo", (Payload payload) => TypedResults.Ok(payload)));

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        return body;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record Payload(int Value);
}

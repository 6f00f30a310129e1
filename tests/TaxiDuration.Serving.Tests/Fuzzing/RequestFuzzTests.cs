using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace TaxiDuration.Serving.Tests.Fuzzing;

/// <summary>
/// Thousands of generated requests against the real level-1 host on Kestrel: whatever a client sends, the answer is
/// never a 5xx or a dropped connection, every error is a ProblemDetails, and /metrics stays bounded. Malformed HTTP,
/// which Kestrel answers itself before the application sees it, must at least never be a 5xx or a reset.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class RequestFuzzTests(TrainedModelFixture model, ITestOutputHelper output)
{
    private const int GeneratedRequests = 4_000;

    [Fact]
    public void No_request_a_client_can_send_gets_a_5xx_a_reset_or_an_error_that_is_not_a_problem()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = StartOnKestrel(host);
        var statuses = new ConcurrentDictionary<int, int>();
        var metricsBefore = MetricsSize(client);

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(GeneratedRequests).WithQuietOnSuccess(true),
            Prop.ForAll(FuzzRequest.Arbitrary(), request =>
            {
                using var response = Send(client, request);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
                var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                Assert.True((int)response.StatusCode < 500, $"{request} → {(int)response.StatusCode}: {body}");
                if ((int)response.StatusCode >= 400 && request.Method != "HEAD")
                {
                    AssertProblem(request, response, body);
                }
            }));

        var metricsAfter = MetricsSize(client);
        output.WriteLine($"{statuses.Values.Sum()} generated requests: {string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} × {pair.Value}"))}; /metrics {metricsBefore} → {metricsAfter} bytes");
        // New series come from the bounded label sets only (status codes × a few methods × the endpoints).
        Assert.True(metricsAfter < metricsBefore + 96 * 1024, $"/metrics grew from {metricsBefore} to {metricsAfter} bytes");
    }

    [Fact]
    public async Task Malformed_http_is_refused_without_a_5xx_or_a_reset()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = StartOnKestrel(host);
        var endpoint = client.BaseAddress!;
        string[] malformed =
        [
            "POST /predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{",
            "GET /" + new string('a', 20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', 40_000) + "\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "POST /predict%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
            "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{\"PULocationID\":",
        ];
        var statuses = new List<int>();
        foreach (var request in malformed)
        {
            statuses.Add(await SendRawAsync(endpoint, request));
        }

        output.WriteLine($"malformed requests answered: {string.Join(", ", statuses)}");
        Assert.All(statuses, status => Assert.InRange(status, 400, 499));
    }

    private static HttpClient StartOnKestrel(ServingHost host)
    {
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static HttpResponseMessage Send(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        if (request.Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        }

        if (request.ClientId is not null)
        {
            message.Headers.TryAddWithoutValidation(PredictionHandlers.ClientIdHeader, request.ClientId);
        }

        try
        {
            return client.Send(message);
        }
        catch (HttpRequestException reset)
        {
            throw new Xunit.Sdk.XunitException($"{request} → connection failed: {reset.Message}");
        }
    }

    private static void AssertProblem(FuzzRequest request, HttpResponseMessage response, string body)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{request} → {(int)response.StatusCode} with {response.Content.Headers.ContentType}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("TaxiDuration.", body, StringComparison.Ordinal);
    }

    private static int MetricsSize(HttpClient client) => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult().Length;

    // Writes bytes no HTTP client library would send and reads the status line Kestrel answers with.
    private static async Task<int> SendRawAsync(Uri endpoint, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}

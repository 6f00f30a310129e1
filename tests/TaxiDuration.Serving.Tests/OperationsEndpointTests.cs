using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TaxiDuration.Serving.Tests;

/// <summary>Health probes, Prometheus metrics and the OpenAPI document of the real host.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class OperationsEndpointTests(TrainedModelFixture model)
{
    [Fact]
    public async Task Live_and_ready_are_healthy_once_the_model_is_loaded()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = host.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await StatusOfAsync(ready));
    }

    [Fact]
    public async Task Without_a_model_the_service_is_live_but_not_ready_and_predict_is_a_503_problem()
    {
        // Level 3 publishes models after start; until one is published the process is up but must get no traffic.
        using var host = new ServingHost(
            new Dictionary<string, string?> { ["Model:Path"] = model.ModelPath },
            services => services.Remove(services.Single(service => service.ImplementationType == typeof(ModelLoadingService))));
        using var client = host.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        using var predict = await client.PostAsJsonAsync("/predict", new { PULocationID = 1, DOLocationID = 2, trip_distance = 1.0 });

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await StatusOfAsync(ready));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, predict.StatusCode);
        Assert.Equal("application/problem+json", predict.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_count_requests_by_status_code_and_predictions_by_model_version()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.PostAsJsonAsync("/predict", new { PULocationID = 1, DOLocationID = 2, trip_distance = 1.0 });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var bad = await client.PostAsync(
            "/predict", new StringContent("""{"PULocationID": 0}""", Encoding.UTF8, "application/json"));

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains($"taxi_predictions_total{{variant=\"champion\",model_version=\"{TestModel.Version}\"}} 3", metrics, StringComparison.Ordinal);
        Assert.Contains($"taxi_predicted_duration_seconds_count{{variant=\"champion\",model_version=\"{TestModel.Version}\"}} 3", metrics, StringComparison.Ordinal);
        var requestLines = metrics.Split('\n').Where(line => line.StartsWith("http_requests_received_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(requestLines, line => line.Contains("code=\"200\"", StringComparison.Ordinal) && line.EndsWith(" 3", StringComparison.Ordinal));
        Assert.Contains(requestLines, line => line.Contains("code=\"400\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains("http_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_describes_both_prediction_endpoints()
    {
        using var host = ServingHost.Serving(model.ModelPath);
        using var client = host.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/predict").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/predict/batch").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task A_model_file_changed_under_the_running_service_is_reported_while_the_loaded_model_keeps_serving()
    {
        var copy = Path.Combine(model.Directory, $"changing-{Guid.NewGuid():N}.zip");
        File.Copy(model.ModelPath, copy);
        using var host = ServingHost.Serving(copy);
        using var client = host.CreateClient();
        using (var before = await client.GetAsync("/health/ready"))
        {
            Assert.Equal("Healthy", await StatusOfAsync(before));
        }

        await File.AppendAllTextAsync(copy, "changed by a deployment");
        using var after = await client.GetAsync("/health/ready");
        using var predict = await client.PostAsJsonAsync("/predict", new { PULocationID = 1, DOLocationID = 2, trip_distance = 1.0 });

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Degraded", await StatusOfAsync(after));
        Assert.Contains("changed after it was loaded", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
    }

    private static async Task<string> StatusOfAsync(HttpResponseMessage response)
    {
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return report.RootElement.GetProperty("status").GetString()!;
    }
}

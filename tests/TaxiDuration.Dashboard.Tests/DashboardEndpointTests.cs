using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.PredictionLog;
using TaxiDuration.ServiceDefaults;
using TaxiDuration.Tracking;

namespace TaxiDuration.Dashboard.Tests;

/// <summary>The dashboard's files and JSON on a real Kestrel server on loopback, with the service defaults around them.</summary>
public sealed class DashboardEndpointTests : IAsyncLifetime
{
    private readonly DashboardStore store = new();
    private WebApplication? app;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = store.Folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(store.Store.Registry);
        builder.Services.AddSingleton(store.Store.Tracker);
        builder.Services.AddOperationsDashboard(builder.Configuration);
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapOperationsDashboard();
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    [Theory]
    [InlineData("/dashboard", "text/html", "<title>Taxi duration")]
    [InlineData("/dashboard/app.js", "text/javascript", "/dashboard/api/traffic")]
    [InlineData("/dashboard/app.css", "text/css", ".panel")]
    [InlineData("/dashboard/uplot.js", "text/javascript", "uPlot")]
    [InlineData("/dashboard/uplot.css", "text/css", ".uplot")]
    public async Task The_page_its_script_and_the_embedded_chart_library_are_served_with_no_network(string path, string mediaType, string content)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/secret.txt")]
    [InlineData("/dashboard/app.json")]
    [InlineData("/dashboard/..%2FTaxiDuration.Dashboard.dll")]
    public async Task Anything_but_the_pages_own_files_is_a_404_problem(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Traffic_history_and_loop_are_json_for_scripts_too()
    {
        app!.Services.GetRequiredService<TrafficWindow>().OnPredicted(
            new PredictionBatch("r", DateTimeOffset.UtcNow, null, "champion", "taxi-duration/1", [], new[] { 12f }, TimeSpan.FromMilliseconds(3)));
        store.RecordWindow("green 2021-03", 2.0, new Dictionary<string, double> { ["pickup_zone"] = 3.2 }, 5.0, 6.4, "Retrain");

        using var traffic = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dashboard/api/traffic", UriKind.Relative)));
        using var history = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dashboard/api/history", UriKind.Relative)));
        using var loop = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dashboard/api/loop", UriKind.Relative)));

        Assert.Equal(TrafficWindow.Seconds, traffic.RootElement.GetProperty("window_seconds").GetInt32());
        var variant = Assert.Single(traffic.RootElement.GetProperty("variants").EnumerateArray());
        Assert.Equal(("champion", "taxi-duration/1", 1), (variant.GetProperty("variant").GetString(), variant.GetProperty("model_version").GetString(), variant.GetProperty("rides").GetInt32()));
        Assert.Equal(1, variant.GetProperty("predicted_minutes_bins")[2].GetInt32());
        Assert.Equal(DashboardStore.Model, history.RootElement.GetProperty("model").GetString());
        Assert.Equal(0, history.RootElement.GetProperty("aliases").GetArrayLength());
        var window = Assert.Single(loop.RootElement.GetProperty("windows").EnumerateArray());
        Assert.Equal(3.2, window.GetProperty("feature_drift").GetProperty("pickup_zone").GetDouble());
        Assert.Equal(6.4, window.GetProperty("actual_rmse").GetDouble());
    }

    [Fact]
    public async Task Accuracy_joins_the_prediction_log_with_the_labels_that_landed_per_variant_and_day()
    {
        using (var empty = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dashboard/api/accuracy", UriKind.Relative))))
        {
            Assert.Equal(0, empty.RootElement.GetProperty("days").GetArrayLength());
        }

        // Champion predicted 10 and 12 minutes for trips that took 11 and 15; the challenger (shadow) 11 and 14.
        var day = new DateTime(2021, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        PredictionRecord Record(string key, float predicted, float shadow) => new(
            "r-" + key, day, null, "champion", "taxi-duration/2", 0, 1, 2, 1.5, day, key, predicted, 0.1, "challenger", "taxi-duration/3", shadow, 0.2);
        await PredictionLogFiles.WriteAsync(
            PredictionLogFiles.DayFolder(Path.Combine(store.Folder, "predictions"), day), "part-0.parquet",
            [Record("a", 10, 11), Record("b", 12, 14), Record("unlabelled", 30, 30)], CancellationToken.None);
        await LabelFiles.WriteAsync(Path.Combine(store.Folder, "labels", "2021-03.parquet"), [new TripLabel("a", 11), new TripLabel("b", 15)]);

        using var accuracy = JsonDocument.Parse(await client.GetStringAsync(new Uri("/dashboard/api/accuracy", UriKind.Relative)));

        Assert.Equal((3, 4), (accuracy.RootElement.GetProperty("logged_predictions").GetInt32(), accuracy.RootElement.GetProperty("labelled_predictions").GetInt32()));
        var days = accuracy.RootElement.GetProperty("days").EnumerateArray().ToDictionary(row => row.GetProperty("variant").GetString()!);
        var champion = days["champion"];
        Assert.Equal(("2021-03-02", 2), (champion.GetProperty("day").GetString(), champion.GetProperty("trips").GetInt32()));
        Assert.Equal(Math.Sqrt((1 + 9) / 2.0), champion.GetProperty("rmse").GetDouble(), 6);
        Assert.Equal(2.0, champion.GetProperty("mae").GetDouble(), 6);
        Assert.Equal(Math.Sqrt((0 + 1) / 2.0), days["challenger (shadow)"].GetProperty("rmse").GetDouble(), 6);
    }

    [Fact]
    public async Task The_json_endpoints_are_in_the_openapi_document_and_the_files_are_not()
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/dashboard/api/traffic", "/dashboard/api/history", "/dashboard/api/accuracy", "/dashboard/api/loop" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
            Assert.True(get.GetProperty("responses").TryGetProperty("200", out _), path);
        }

        Assert.False(paths.TryGetProperty("/dashboard/{file}", out _));
        Assert.False(paths.TryGetProperty("/dashboard", out _));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        store.Dispose();
    }
}

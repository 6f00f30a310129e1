using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TaxiDuration.Dashboard;

/// <summary>
/// <c>/dashboard</c>: the page and its script (embedded in this assembly: the service needs no web root and no
/// network), and the JSON it polls, documented in OpenAPI for scripts too. What is served right now is
/// <c>GET /model</c>, the rollout's own endpoint.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly Assembly Files = typeof(DashboardEndpoints).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapOperationsDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/dashboard", () => File("index.html")).ExcludeFromDescription();
        endpoints.MapGet("/dashboard/{file}", (string file) => File(file)).ExcludeFromDescription();
        var api = endpoints.MapGroup("/dashboard/api").WithTags("Dashboard");
        api.MapGet("/traffic", Traffic).WithName("DashboardTraffic")
            .WithSummary($"Each variant's traffic over the last {TrafficWindow.Seconds} s: requests per second, latency p50/p99 (featurize + predict), predicted minutes in {TrafficWindow.BinMinutes}-minute bins.");
        api.MapGet("/history", (StoreHistory store) => TypedResults.Ok(store.History())).WithName("DashboardHistory")
            .WithSummary("The registered model's alias moves and gate decisions, newest first.");
        api.MapGet("/accuracy", async (LabelledAccuracy accuracy, CancellationToken cancellationToken) => TypedResults.Ok(await accuracy.ReadAsync(cancellationToken)))
            .WithName("DashboardAccuracy")
            .WithSummary("RMSE, MAE and bias per variant per day: the service's prediction log joined with the labels that landed (Dashboard:LabelsDirectory).");
        api.MapGet("/loop", (StoreHistory store) => TypedResults.Ok(store.Loop())).WithName("DashboardLoop")
            .WithSummary("The level-4 loop's monitoring windows, oldest first: drift per feature against its threshold (≥ 1 drifts), estimated and actual RMSE, and what the loop did.");
        return endpoints;
    }

    /// <summary>The traffic figures now.</summary>
    public static Ok<TrafficResponse> Traffic(TrafficWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return TypedResults.Ok(new TrafficResponse(TrafficWindow.Seconds, TrafficWindow.BinMinutes, window.Snapshot()));
    }

    // Only the page's own files, by exact name: a path never reaches the file system.
    private static IResult File(string name)
    {
        var stream = ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType) ? Files.GetManifestResourceStream($"dashboard/{name}") : null;
        return stream is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dashboard file.", detail: $"'{name}' is not part of the dashboard.")
            : TypedResults.Stream(stream, contentType);
    }
}

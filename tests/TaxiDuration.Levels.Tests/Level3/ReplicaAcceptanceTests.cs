using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Postgres;
using Xunit.Abstractions;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// The team topology (deploy/README.md), as real processes: three level-3 service replicas follow one PostgreSQL
/// registry while clients keep posting to each. Every promotion reaches all three, and no request fails meanwhile.
/// </summary>
public sealed class ReplicaAcceptanceTests(ITestOutputHelper output)
{
    private const string Model = "taxi-duration";
    private const int Replicas = 3;

    // A correctness bound, not a speed goal: one registry poll (1 s) plus loading and warming the model, with room
    // for a slow shared machine. The measured times are written to the test output.
    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task Three_replicas_on_one_PostgreSQL_registry_all_serve_each_promotion_and_no_request_fails()
    {
        using var database = new FreshDatabase();
        using var workspace = new LevelWorkspace("level3", postgres: database.ConnectionString);
        foreach (var run in Enumerable.Range(1, 2))
        {
            var trained = await workspace.CliAsync(workspace.QuickTrain());
            Assert.True(trained.ExitCode == 0, trained.Transcript);
        }

        using var store = PostgresTrackingStore.Open(new PostgresTrackingOptions
        {
            ConnectionString = database.ConnectionString,
            ArtifactRoot = Path.Combine(workspace.Environment["TAXI_TRACKING_DIR"]!, "artifacts"),
        });
        store.Registry.PromoteChampion(Model, 1, "acceptance: first", "test", AliasPrecondition.Unset);
        var services = new List<RunningService>();
        var loads = new List<LoadGenerator>();
        try
        {
            services.AddRange(Enumerable.Range(0, Replicas).Select(_ => workspace.StartService()));
            foreach (var service in services)
            {
                Assert.True(await service.WaitUntilReadyAsync(), service.Output);
            }

            var clock = Stopwatch.StartNew();
            loads.AddRange(services.Select(service => new LoadGenerator(service.Address, clock, clientCount: 2)));
            var slowest = new List<TimeSpan>();
            var current = 1;
            for (var promotion = 0; promotion < 6; promotion++)
            {
                var next = current == 1 ? 2 : 1;
                store.Registry.PromoteChampion(Model, next, $"acceptance: promotion {promotion}", "test", AliasPrecondition.PointsAt(current));
                var promoted = clock.Elapsed;
                var served = await Task.WhenAll(services.Select(service => WaitUntilServedAsync(service, $"{Model}/{next}", clock)));
                slowest.Add(served.Max() - promoted);
                current = next;
            }

            var answers = (await Task.WhenAll(loads.Select(load => load.StopAsync()))).SelectMany(replica => replica).ToList();
            output.WriteLine($"promotion → served by all {Replicas} replicas: {string.Join(", ", slowest.Select(time => $"{time.TotalSeconds:F2} s"))}; {answers.Count} requests answered");
            Assert.All(slowest, time => Assert.True(time < ServedWithin, $"a promotion took {time.TotalSeconds:F1} s to reach every replica"));
            Assert.True(answers.Count > 300, $"only {answers.Count} requests were answered");
            Assert.All(answers, answer => Assert.True(answer.Status == 200, $"a request failed: {answer}"));
            Assert.Equal([$"{Model}/1", $"{Model}/2"], answers.Select(answer => answer.Version).Distinct().Order());
        }
        finally
        {
            foreach (var load in loads)
            {
                await load.DisposeAsync();
            }

            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    // When the replica's /model first named the version, on the test's clock.
    private static async Task<TimeSpan> WaitUntilServedAsync(RunningService service, string version, Stopwatch clock)
    {
        var waited = Stopwatch.StartNew();
        while (await ServedVersionAsync(service) != version)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{version} was not served within 30 s:\n{service.Output}");
            await Task.Delay(25);
        }

        return clock.Elapsed;
    }

    private static async Task<string?> ServedVersionAsync(RunningService service)
    {
        using var response = await service.Client.GetAsync(new Uri("/model", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return status.RootElement.GetProperty("variants").EnumerateArray().Single().GetProperty("model_version").GetString();
    }
}

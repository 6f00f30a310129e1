using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Level 3 acceptance, as real processes: the service follows the registry under load. Champion moves between two
/// versions more than twenty times while clients keep posting; no request fails, and every answer comes from a
/// version that was champion shortly before it. A corrupt and a tampered version are promoted too: neither is
/// ever served, the service stays ready, and it says what it refused.
/// </summary>
public sealed class Level3AcceptanceTests
{
    private const string Model = "taxi-duration";

    // How stale an answer may be: one registry poll (1 s) plus loading and warming the model, with room for a
    // slow shared machine. A correctness bound (never a version that was not champion lately), not a speed goal.
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Champion_moves_under_load_with_no_failed_request_and_broken_versions_are_never_served()
    {
        using var workspace = new LevelWorkspace("level3");
        foreach (var run in Enumerable.Range(1, 3))
        {
            var trained = await workspace.CliAsync(workspace.QuickTrain());
            Assert.True(trained.ExitCode == 0, trained.Transcript);
        }

        var store = workspace.OpenStore();
        var corrupt = RegisterCorruptVersion(store, workspace);
        var tampered = 3;
        store.Registry.PromoteChampion(Model, 1, "acceptance: first", "test", AliasPrecondition.Unset);

        await using var service = workspace.StartService();
        Assert.True(await service.WaitUntilReadyAsync(), service.Output);
        var clock = Stopwatch.StartNew();
        var championSince = new List<(TimeSpan At, string Version)> { (TimeSpan.Zero, $"{Model}/1") };
        await using var load = new LoadGenerator(service.Address, clock, clientCount: 4);

        var current = 1;
        for (var swap = 0; swap < 22; swap++)
        {
            var next = current == 1 ? 2 : 1;
            store.Registry.PromoteChampion(Model, next, $"acceptance: swap {swap}", "test", AliasPrecondition.PointsAt(current));
            championSince.Add((clock.Elapsed, $"{Model}/{next}"));
            await WaitUntilServedAsync(service, $"{Model}/{next}");
            current = next;
        }

        File.AppendAllText(store.Registry.ResolveArtifact(ModelUri.ForVersion(Model, tampered)).FilePath, "tampered after registration");
        var lastGood = $"{Model}/{current}";
        foreach (var broken in new[] { corrupt, tampered })
        {
            store.Registry.PromoteChampion(Model, broken, $"acceptance: broken version {broken}", "test", AliasPrecondition.PointsAt(current));
            championSince.Add((clock.Elapsed, $"{Model}/{broken}"));
            var status = await WaitUntilRefusedAsync(service, broken);
            Assert.Equal(lastGood, ChampionServed(status));
            current = broken;
        }

        using (var ready = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("refused", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var answers = await load.StopAsync();
        Assert.True(answers.Count > 500, $"only {answers.Count} requests were answered");
        Assert.All(answers, answer => Assert.True(answer.Status == 200, $"a request failed: {answer}"));
        foreach (var answer in answers)
        {
            // Champion at some moment between (sent − staleness) and the answer; while a broken version is champion
            // the last good one keeps answering.
            var recent = championSince.Where((change, index) =>
                change.At <= answer.Received
                && (index + 1 == championSince.Count || championSince[index + 1].At >= answer.Sent - Staleness));
            Assert.Contains(answer.Version, recent.Select(change => change.Version).Append(answer.Sent >= championSince[^2].At ? lastGood : null));
        }

        Assert.DoesNotContain(answers, answer => answer.Version == $"{Model}/{corrupt}" || answer.Version == $"{Model}/{tampered}");
        Assert.Equal(2, answers.Select(answer => answer.Version).Distinct().Count());
    }

    // A version whose artifact is not a model at all: its hash is right (it was registered as such), loading fails.
    private static int RegisterCorruptVersion(TrackingStore store, LevelWorkspace workspace)
    {
        var garbage = workspace.File("corrupt.zip");
        File.WriteAllText(garbage, "this is not a model file");
        var tracker = store.Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("acceptance").ExperimentId, "corrupt")).RunId;
        var artifact = tracker.LogArtifact(run, garbage, "model/model.zip");
        tracker.UpdateRun(run, RunStatus.Finished);
        return store.Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "course")).Version;
    }

    private static async Task WaitUntilServedAsync(RunningService service, string version)
    {
        var clock = Stopwatch.StartNew();
        while (ChampionServed(await ModelStatusAsync(service)) != version)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{version} was not served within 30 s:\n{service.Output}");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> WaitUntilRefusedAsync(RunningService service, int version)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await ModelStatusAsync(service);
            if (status.GetProperty("last_reload_error") is { ValueKind: JsonValueKind.Object } error
                && error.GetProperty("version").GetString() == $"{Model}/{version}")
            {
                return status;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"version {version} was not refused within 30 s: {status}");
            await Task.Delay(50);
        }
    }

    private static string? ChampionServed(JsonElement status) =>
        status.GetProperty("variants").EnumerateArray().Single().GetProperty("model_version").GetString();

    private static async Task<JsonElement> ModelStatusAsync(RunningService service)
    {
        using var response = await service.Client.GetAsync(new Uri("/model", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

using System.Data.Common;
using TaxiDuration.TestSupport;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Registering model versions: numbered in order, all-or-nothing, only for an artifact the run really has.</summary>
public sealed class ModelVersionTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Versions_are_numbered_from_one_and_round_trip_every_field(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        var (run, artifact) = store.RunWithModel("v1 bytes");
        var request = new NewModelVersion(Model, run, artifact.Path, "pu_do+distance")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 6.66, ["mae"] = 4.1 },
            DataMonths = ["2021-02", "2021-01"],
            Tags = new Dictionary<string, string> { ["trainer"] = "lightgbm" },
        };

        var first = registry.CreateModelVersion(request);
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = registry.CreateModelVersion(request with { RunId = store.RunWithModel("v2 bytes").RunId });

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var loaded = registry.GetModelVersion(Model, 1);
        Assert.Equal(run, loaded.RunId);
        Assert.Equal("model/model.zip", loaded.ArtifactPath);
        Assert.Equal(artifact.Sha256, loaded.ArtifactSha256);
        Assert.Equal(request.Metrics, loaded.Metrics);
        Assert.Equal(["2021-01", "2021-02"], loaded.DataMonths);
        Assert.Equal("pu_do+distance", loaded.FeatureSet);
        Assert.Equal("lightgbm", loaded.Tags["trainer"]);
        Assert.Equal(ContractStore.Start, loaded.CreatedAt);
        Assert.Equal(ContractStore.Start.AddMinutes(5), registry.GetModelVersion(Model, 2).CreatedAt);
        Assert.Equal([1, 2], registry.SearchModelVersions(Model).Select(v => v.Version));
        Assert.Equal([Model], registry.ListRegisteredModels().Select(m => m.Name));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Concurrent_registrations_of_one_model_get_distinct_consecutive_numbers(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var runs = Enumerable.Range(0, 6).Select(index => store.RunWithModel($"model {index}")).ToArray();
        using var start = new Barrier(runs.Length);

        var numbers = runs.AsParallel().WithDegreeOfParallelism(runs.Length).Select(run =>
        {
            var registrar = store.Connect();
            start.SignalAndWait();
            return registrar.Registry.CreateModelVersion(new NewModelVersion(Model, run.RunId, run.Artifact.Path, "f")).Version;
        }).ToArray();

        Assert.Equal([1, 2, 3, 4, 5, 6], numbers.Order());
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_failure_in_the_middle_of_registration_leaves_no_version_behind(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var (run, artifact) = store.RunWithModel("bytes");
        var request = new NewModelVersion(Model, run, artifact.Path, "pu_do+distance")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 6.5 },
            DataMonths = ["2021-01"],
        };
        // Fail after the version row and its metrics are written, as a full disk or a crash would.
        store.FailInsertsInto("model_version_months", "simulated failure");

        var error = Assert.ThrowsAny<DbException>(() => store.Registry.CreateModelVersion(request));

        Assert.Contains("simulated failure", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, store.Sql.Long("SELECT COUNT(*) FROM model_versions;"));
        Assert.Equal(0L, store.Sql.Long("SELECT COUNT(*) FROM model_version_metrics;"));
        Assert.Equal(0L, store.Sql.Long("SELECT COUNT(*) FROM registered_models;"));
        store.StopFailingInsertsInto("model_version_months");
        Assert.Equal(1, store.Registry.CreateModelVersion(request).Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Registration_refuses_an_artifact_the_run_does_not_have_or_whose_bytes_changed(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var (run, artifact) = store.RunWithModel("bytes");

        var missing = Assert.Throws<KeyNotFoundException>(() => store.Registry.CreateModelVersion(new NewModelVersion(Model, run, "model/other.zip", "f")));
        File.WriteAllText(store.Tracker.GetVerifiedArtifactFile(run, artifact.Path), "changed");
        Assert.Throws<ArtifactIntegrityException>(() => store.Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "f")));

        Assert.Contains("model/other.zip", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0L, store.Sql.Long("SELECT COUNT(*) FROM model_versions;"));
    }
}

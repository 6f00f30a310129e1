using Npgsql;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class ModelRegistryTests : IClassFixture<FreshDatabase>, IDisposable
{
    private const string Model = "taxi-duration";
    private readonly TempStore temp;
    private readonly PostgresTrackingStore store;

    public ModelRegistryTests(FreshDatabase database)
    {
        temp = new TempStore(database);
        store = temp.Open();
    }

    private IModelRegistry Registry => store.Registry;

    [PostgresFact]
    public void Versions_are_numbered_from_one_and_round_trip_every_field()
    {
        var (run, artifact) = RunWithModel("v1 bytes");
        var request = new NewModelVersion(Model, run, artifact.Path, "pu_do+distance")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 6.66, ["mae"] = 4.1 },
            DataMonths = ["2021-02", "2021-01"],
            Tags = new Dictionary<string, string> { ["trainer"] = "lightgbm" },
        };

        var first = Registry.CreateModelVersion(request);
        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = Registry.CreateModelVersion(request with { RunId = RunWithModel("v2 bytes").RunId });

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var loaded = Registry.GetModelVersion(Model, 1);
        Assert.Equal(run, loaded.RunId);
        Assert.Equal("model/model.zip", loaded.ArtifactPath);
        Assert.Equal(artifact.Sha256, loaded.ArtifactSha256);
        Assert.Equal(request.Metrics, loaded.Metrics);
        Assert.Equal(["2021-01", "2021-02"], loaded.DataMonths);
        Assert.Equal("pu_do+distance", loaded.FeatureSet);
        Assert.Equal("lightgbm", loaded.Tags["trainer"]);
        Assert.Equal(TempStore.Start, loaded.CreatedAt);
        Assert.Equal(TempStore.Start.AddMinutes(5), Registry.GetModelVersion(Model, 2).CreatedAt);
        Assert.Equal([1, 2], Registry.SearchModelVersions(Model).Select(v => v.Version));
        Assert.Equal([Model], Registry.ListRegisteredModels().Select(m => m.Name));
    }

    [PostgresFact]
    public void Concurrent_registrations_of_one_model_get_distinct_consecutive_numbers()
    {
        var runs = Enumerable.Range(0, 6).Select(index => RunWithModel($"model {index}")).ToArray();
        using var start = new Barrier(runs.Length);

        var numbers = runs.AsParallel().WithDegreeOfParallelism(runs.Length).Select(run =>
        {
            using var registrar = PostgresTrackingStore.Open(temp.Options);
            start.SignalAndWait();
            return registrar.Registry.CreateModelVersion(new NewModelVersion(Model, run.RunId, run.Artifact.Path, "f")).Version;
        }).ToArray();

        Assert.Equal([1, 2, 3, 4, 5, 6], numbers.Order());
    }

    [PostgresFact]
    public void Moving_aliases_appends_to_the_history_in_order_with_reason_and_actor()
    {
        Register(3);

        Registry.SetAlias(Model, "champion", 1, "first model", "pipeline");
        temp.Clock.Advance(TimeSpan.FromHours(1));
        Registry.SetAlias(Model, "challenger", 2, "new candidate", "pipeline");
        Registry.SetAlias(Model, "champion", 2, "beat champion on 2021-03", "gate");
        Registry.SetAlias(Model, "champion", 2, "no-op: already there", "gate");
        Registry.SetAlias(Model, "champion", 3, "hotfix", "alice");
        Registry.DeleteAlias(Model, "challenger", "promoted", "gate");

        var history = Registry.GetAliasHistory(Model);

        Assert.Equal(
            [("champion", null, 1), ("challenger", null, 2), ("champion", 1, 2), ("champion", 2, 2), ("champion", 2, 3), ("challenger", 2, null)],
            history.Select(change => (change.Alias, change.FromVersion, change.ToVersion)));
        Assert.Equal(["first model", "new candidate", "beat champion on 2021-03", "no-op: already there", "hotfix", "promoted"], history.Select(h => h.Reason));
        Assert.Equal(["pipeline", "pipeline", "gate", "gate", "alice", "gate"], history.Select(h => h.Actor));
        Assert.Equal(TempStore.Start, history[0].ChangedAt);
        Assert.Equal(TempStore.Start.AddHours(1), history[1].ChangedAt);
        Assert.True(history.Select(h => h.Sequence).SequenceEqual(history.Select(h => h.Sequence).Order()));
        Assert.Equal(["champion"], Registry.GetModelVersion(Model, 3).Aliases);
        Assert.Empty(Registry.GetModelVersion(Model, 2).Aliases);
        Assert.Equal(new Dictionary<string, int> { ["champion"] = 3 }, Registry.GetOrCreateRegisteredModel(Model).Aliases);
    }

    [PostgresFact]
    public void A_move_expecting_another_current_version_is_refused_and_changes_nothing()
    {
        Register(3);
        Registry.SetAlias(Model, "champion", 2, "first", "alice");

        var conflict = Assert.Throws<AliasConflictException>(
            () => Registry.SetAlias(Model, "champion", 3, "gate: better", "gate", AliasPrecondition.PointsAt(1)));
        var unsetConflict = Assert.Throws<AliasConflictException>(
            () => Registry.SetAlias(Model, "champion", 3, "first model", "gate", AliasPrecondition.Unset));

        Assert.Equal(2, conflict.Actual);
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, unsetConflict.Actual);
        Assert.Equal(2, Registry.GetModelVersionByAlias(Model, "champion").Version);
        Assert.Single(Registry.GetAliasHistory(Model));
        Assert.Equal(3, Registry.SetAlias(Model, "champion", 3, "gate: better", "gate", AliasPrecondition.PointsAt(2)).Version);
    }

    [PostgresFact]
    public void Of_two_promoters_who_read_the_same_champion_exactly_one_wins_every_time()
    {
        const int Rounds = 15;
        Register(3);
        Registry.SetAlias(Model, "champion", 1, "first", "alice");
        // Two promoters with connections of their own, as two processes would have.
        var promoters = new[] { temp.Open(), temp.Open() };
        var expectedHistory = new List<int> { 1 };

        for (var round = 0; round < Rounds; round++)
        {
            var current = expectedHistory[^1];
            var targets = new[] { 1, 2, 3 }.Where(version => version != current).ToArray();
            using var start = new Barrier(2);
            var outcomes = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(index =>
            {
                start.SignalAndWait();
                try
                {
                    promoters[index].Registry.SetAlias(Model, "champion", targets[index], $"round {round}", $"promoter-{index}", AliasPrecondition.PointsAt(current));
                    return (Version: targets[index], Error: (AliasConflictException?)null);
                }
                catch (AliasConflictException conflict)
                {
                    return (Version: targets[index], Error: conflict);
                }
            }).ToArray();

            var winner = Assert.Single(outcomes, outcome => outcome.Error is null).Version;
            var loser = Assert.Single(outcomes, outcome => outcome.Error is not null).Error!;
            Assert.Equal(winner, loser.Actual);
            Assert.Equal(AliasPrecondition.PointsAt(current), loser.Expected);
            expectedHistory.Add(winner);
        }

        Assert.Equal(expectedHistory, Registry.GetAliasHistory(Model).Select(change => change.ToVersion!.Value));
        Assert.Equal(expectedHistory[^1], Registry.GetModelVersionByAlias(Model, "champion").Version);
    }

    [PostgresFact]
    public void The_alias_history_cannot_be_edited_even_with_raw_sql()
    {
        Register(1);
        Registry.SetAlias(Model, "champion", 1, "first", "pipeline");

        // The database's own trigger refuses, whoever writes: restrict_violation carrying the trigger's message.
        foreach (var edit in new[] { "UPDATE alias_history SET reason = 'rewritten';", "DELETE FROM alias_history;", "TRUNCATE alias_history;" })
        {
            var refused = temp.Sql.Refused(edit);
            Assert.Equal(PostgresErrorCodes.RestrictViolation, refused.SqlState);
            Assert.Equal("alias_history is append-only", refused.MessageText);
            Assert.Equal("alias_history", refused.TableName);
            Assert.Equal(temp.Schema, refused.SchemaName);
        }

        Assert.Equal("first", Registry.GetAliasHistory(Model).Single().Reason);
    }

    [PostgresFact]
    public void Uris_resolve_by_alias_and_by_version()
    {
        Register(2);
        Registry.SetAlias(Model, "champion", 2, "best", "pipeline");

        Assert.Equal(2, Registry.Resolve(ModelUri.Parse("taxi-duration@champion")).Version);
        Assert.Equal(1, Registry.Resolve(ModelUri.Parse("taxi-duration/1")).Version);
        var artifact = Registry.ResolveArtifact(ModelUri.Parse("taxi-duration@champion"));
        Assert.Equal("model 2", File.ReadAllText(artifact.FilePath));
        Assert.Equal(2, artifact.Version.Version);
    }

    [PostgresFact]
    public void Unknown_aliases_versions_and_models_fail_saying_what_exists()
    {
        Register(2);
        Registry.SetAlias(Model, "champion", 1, "first", "pipeline");

        var alias = Assert.Throws<KeyNotFoundException>(() => Registry.Resolve(ModelUri.Parse("taxi-duration@challenger")));
        var version = Assert.Throws<KeyNotFoundException>(() => Registry.Resolve(ModelUri.Parse("taxi-duration/7")));
        var model = Assert.Throws<KeyNotFoundException>(() => Registry.Resolve(ModelUri.Parse("other-model@champion")));
        var aliasToMissingVersion = Assert.Throws<KeyNotFoundException>(() => Registry.SetAlias(Model, "champion", 9, "typo", "alice"));
        var aliasOfMissingModel = Assert.Throws<KeyNotFoundException>(() => Registry.SetAlias("other-model", "champion", 1, "typo", "alice"));

        Assert.Contains("'challenger'", alias.Message, StringComparison.Ordinal);
        Assert.Contains("champion", alias.Message, StringComparison.Ordinal);
        Assert.Contains("no version 7", version.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 2", version.Message, StringComparison.Ordinal);
        Assert.Contains("'other-model'", model.Message, StringComparison.Ordinal);
        Assert.Contains("no version 9", aliasToMissingVersion.Message, StringComparison.Ordinal);
        Assert.Contains("known models: taxi-duration", aliasOfMissingModel.Message, StringComparison.Ordinal);
        Assert.Equal(1, Registry.GetModelVersionByAlias(Model, "champion").Version);
    }

    [PostgresFact]
    public void A_registered_artifact_whose_bytes_changed_is_refused_naming_the_file_and_both_hashes()
    {
        Register(1);
        Registry.SetAlias(Model, "champion", 1, "first", "pipeline");
        var uri = ModelUri.Parse("taxi-duration@champion");
        var file = Registry.ResolveArtifact(uri).FilePath;
        File.AppendAllText(file, " tampered");

        var error = Assert.Throws<ArtifactIntegrityException>(() => Registry.ResolveArtifact(uri));

        Assert.Equal(file, error.FilePath);
        Assert.Equal(Registry.GetModelVersion(Model, 1).ArtifactSha256, error.ExpectedSha256);
        Assert.Equal(ContentHash.OfFile(file), error.ActualSha256);
        Assert.NotEqual(error.ExpectedSha256, error.ActualSha256);
    }

    [PostgresFact]
    public void A_failure_in_the_middle_of_registration_leaves_no_version_behind()
    {
        var (run, artifact) = RunWithModel("bytes");
        var request = new NewModelVersion(Model, run, artifact.Path, "pu_do+distance")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 6.5 },
            DataMonths = ["2021-01"],
        };
        // Fail after the version row and its metrics are written, as a full disk or a crash would.
        temp.Sql.Execute("""
            CREATE FUNCTION fail_months() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END; $$;
            CREATE TRIGGER fail_months BEFORE INSERT ON model_version_months FOR EACH ROW EXECUTE FUNCTION fail_months();
            """);

        var error = Assert.Throws<PostgresException>(() => Registry.CreateModelVersion(request));

        Assert.Equal("simulated failure", error.MessageText);
        Assert.Equal(0L, temp.Sql.Long("SELECT COUNT(*) FROM model_versions;"));
        Assert.Equal(0L, temp.Sql.Long("SELECT COUNT(*) FROM model_version_metrics;"));
        Assert.Equal(0L, temp.Sql.Long("SELECT COUNT(*) FROM registered_models;"));
        temp.Sql.Execute("DROP TRIGGER fail_months ON model_version_months;");
        Assert.Equal(1, Registry.CreateModelVersion(request).Version);
    }

    [PostgresFact]
    public void Registration_refuses_an_artifact_the_run_does_not_have_or_whose_bytes_changed()
    {
        var (run, artifact) = RunWithModel("bytes");

        var missing = Assert.Throws<KeyNotFoundException>(() => Registry.CreateModelVersion(new NewModelVersion(Model, run, "model/other.zip", "f")));
        File.WriteAllText(store.Tracker.GetVerifiedArtifactFile(run, artifact.Path), "changed");
        Assert.Throws<ArtifactIntegrityException>(() => Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "f")));

        Assert.Contains("model/other.zip", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0L, temp.Sql.Long("SELECT COUNT(*) FROM model_versions;"));
    }

    public void Dispose() => temp.Dispose();

    private void Register(int count)
    {
        for (var index = 1; index <= count; index++)
        {
            var (run, artifact) = RunWithModel($"model {index}");
            Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "pu_do+distance"));
        }
    }

    private (string RunId, ArtifactInfo Artifact) RunWithModel(string content)
    {
        var tracker = store.Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
        var artifact = tracker.LogArtifact(run, temp.WriteFile(Guid.NewGuid().ToString("N") + ".zip", content), "model/model.zip");
        return (run, artifact);
    }
}

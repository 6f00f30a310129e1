using Npgsql;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Hosting.StoreCopy;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Tests;

/// <summary>
/// A SQLite store copied into PostgreSQL reads back the same through the interfaces, ids and order included; the
/// copy is all or nothing, never merges, and leaves the target's guarantees (append-only history) standing.
/// </summary>
public sealed class SqliteToPostgresCopyTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly FreshDatabase database = new();

    [PostgresFact]
    public void Everything_the_SQLite_store_holds_reads_back_equal_from_PostgreSQL()
    {
        var source = SampleSqliteStore.Create(folder);
        var progress = new List<StoreCopyProgress>();

        var result = SqliteToPostgresCopy.Run(source.Options, Target(), progress: new Recorder(progress));

        using var copy = PostgresTrackingStore.Open(Target());
        Assert.Equal(StoreSnapshot.Of(source.Store.Tracker, source.Store.Registry), StoreSnapshot.Of(copy.Tracker, copy.Registry));
        var champion = copy.Registry.ResolveArtifact(ModelUri.ForAlias(SampleSqliteStore.Model, RegistryAliases.Champion));
        Assert.Equal(2, champion.Version.Version);
        Assert.Equal("lightgbm model bytes", File.ReadAllText(champion.FilePath));
        // Same sequence numbers, times and order: the audit trail is quoted by its sequence numbers.
        Assert.Equal(source.Store.Registry.GetAliasHistory(SampleSqliteStore.Model), copy.Registry.GetAliasHistory(SampleSqliteStore.Model));
        Assert.Equal(CopiedTables.All.Select(table => table.Name), result.Tables.Select(table => table.Table));
        Assert.Equal(4, result.Tables.Single(table => table.Table == "runs").Rows);
        Assert.Equal(3, result.ArtifactFiles);
        Assert.Equal(result.Tables.Select(table => (table.Table, table.Rows)), progress.Where(step => step.Done).Select(step => (step.Table, step.Copied)));
    }

    [PostgresFact]
    public void Rows_written_after_the_copy_get_fresh_ids_after_the_copied_ones()
    {
        var source = SampleSqliteStore.Create(folder);
        var copiedHistory = source.Store.Registry.GetAliasHistory(SampleSqliteStore.Model);
        var copiedDecisions = source.Store.Registry.GetDecisions(SampleSqliteStore.Model);
        SqliteToPostgresCopy.Run(source.Options, Target());

        using var copy = PostgresTrackingStore.Open(Target());
        var experiment = copy.Tracker.CreateExperiment("after the move");
        var run = copy.Tracker.CreateRun(new NewRun(experiment.ExperimentId, "first on the server"));
        copy.Tracker.LogMetric(run.RunId, "validation_rmse", 3.9);
        copy.Tracker.LogArtifact(run.RunId, folder.WriteFile("server/model.zip", "retrained on the server"), "model/model.zip");
        var version = copy.Registry.CreateModelVersion(new NewModelVersion(SampleSqliteStore.Model, run.RunId, "model/model.zip", "rich"));
        copy.Registry.PromoteChampion(SampleSqliteStore.Model, version.Version, "first promotion on the server", "bob", AliasPrecondition.PointsAt(2));
        copy.Registry.RecordDecision(new NewDeploymentDecision(SampleSqliteStore.Model, version.Version, 2, "green 2021-05", "promote", "better", "{}", "gate"));

        Assert.Equal("3", experiment.ExperimentId);
        Assert.Equal(3, version.Version);
        var history = copy.Registry.GetAliasHistory(SampleSqliteStore.Model);
        Assert.Equal(copiedHistory, history.Take(copiedHistory.Count));
        Assert.All(history.Skip(copiedHistory.Count), change => Assert.True(change.Sequence > copiedHistory.Max(copied => copied.Sequence)));
        Assert.Equal(copiedDecisions.Max(decision => decision.Sequence) + 1, copy.Registry.GetDecisions(SampleSqliteStore.Model)[^1].Sequence);
        Assert.Equal(3.9, copy.Tracker.GetMetricHistory(run.RunId, "validation_rmse").Single().Value);
        Assert.Equal("first on the server", copy.Tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId] }).Single().Info.Name);
    }

    [PostgresFact]
    public void A_target_that_holds_tracking_data_is_refused_and_left_as_it_was()
    {
        var source = SampleSqliteStore.Create(folder);
        SqliteToPostgresCopy.Run(source.Options, Target());
        using var copy = PostgresTrackingStore.Open(Target());
        var before = StoreSnapshot.Of(copy.Tracker, copy.Registry);
        source.Store.Tracker.CreateRun(new NewRun(source.Store.Tracker.GetOrCreateExperiment("scratch").ExperimentId, "logged after the copy"));

        var refused = Assert.Throws<StoreCopyRefusedException>(() => SqliteToPostgresCopy.Run(source.Options, Target()));

        Assert.Contains("already holds tracking data", refused.Message, StringComparison.Ordinal);
        Assert.Contains("runs: 4", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, StoreSnapshot.Of(copy.Tracker, copy.Registry));
    }

    [PostgresFact]
    public void A_copy_that_fails_part_way_leaves_no_row_behind_so_it_can_simply_run_again()
    {
        var source = SampleSqliteStore.Create(folder);
        var failing = new Failing(table => table == "alias_history");

        Assert.Throws<IOException>(() => SqliteToPostgresCopy.Run(source.Options, Target(), progress: failing));

        var retried = SqliteToPostgresCopy.Run(source.Options, Target());
        Assert.Equal(4, retried.Tables.Single(table => table.Table == "runs").Rows);
    }

    [PostgresFact]
    public void The_audit_trails_and_params_stay_unchangeable_in_the_copy()
    {
        var source = SampleSqliteStore.Create(folder);
        SqliteToPostgresCopy.Run(source.Options, Target());

        var sql = RawSql.Postgres(database.ConnectionString);
        foreach (var change in new[]
        {
            "UPDATE alias_history SET to_version = 1",
            "DELETE FROM alias_history",
            "UPDATE deployment_decisions SET verdict = 'promote'",
            "UPDATE params SET value = '0.2'",
        })
        {
            Assert.Equal("23001", sql.Refused<PostgresException>(change).SqlState);
        }
    }

    [PostgresFact]
    public void Missing_artifact_files_refuse_the_copy_before_the_target_is_touched_unless_allowed()
    {
        var source = SampleSqliteStore.Create(folder);
        var lost = source.Store.Tracker.ListArtifacts(source.Store.Tracker.SearchRuns(new RunQuery()).Single(run => run.Info.Name == "search").Info.RunId).Single();
        File.Delete(Path.Combine(source.Store.ArtifactRoot, "sha256", lost.Sha256[..2], lost.Sha256));

        var refused = Assert.Throws<StoreCopyRefusedException>(() => SqliteToPostgresCopy.Run(source.Options, Target()));

        Assert.Contains(lost.Sha256, refused.Message, StringComparison.Ordinal);
        Assert.Contains("'summary.md'", refused.Message, StringComparison.Ordinal);
        Assert.False(HasTrackingTables(), "the refused copy created tables in the target");
        var allowed = SqliteToPostgresCopy.Run(source.Options, Target(), allowMissingArtifacts: true);
        Assert.Equal(lost.Sha256, allowed.MissingArtifacts.Single().Sha256);
    }

    [Fact]
    public void A_source_written_by_a_newer_build_is_refused_before_any_server_is_contacted()
    {
        var source = SampleSqliteStore.Create(folder);
        RawSql.Sqlite(source.Store.DatabasePath).Execute($"PRAGMA user_version = {TrackingStore.SchemaVersion + 1};");

        // Nothing listens on port 1: reaching for the target would fail differently.
        var unreachable = new PostgresTrackingOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=never", ArtifactRoot = source.Store.ArtifactRoot };
        Assert.Throws<Sqlite.UnsupportedStoreVersionException>(() => SqliteToPostgresCopy.Run(source.Options, unreachable));
    }

    public void Dispose()
    {
        database.Dispose();
        folder.Dispose();
    }

    private PostgresTrackingOptions Target() => new()
    {
        ConnectionString = database.ConnectionString,
        ArtifactRoot = Path.Combine(folder.Path, "tracking", "artifacts"),
    };

    private bool HasTrackingTables() => (bool)RawSql.Postgres(database.ConnectionString).Scalar("SELECT to_regclass('runs') IS NOT NULL;")!;

    // Stands in for a dropped connection or a full disk once the earlier tables are in.
    private sealed class Failing(Func<string, bool> failsAt) : IProgress<StoreCopyProgress>
    {
        public void Report(StoreCopyProgress value)
        {
            if (failsAt(value.Table))
            {
                throw new IOException($"connection lost while copying {value.Table}");
            }
        }
    }

    private sealed class Recorder(List<StoreCopyProgress> steps) : IProgress<StoreCopyProgress>
    {
        public void Report(StoreCopyProgress value) => steps.Add(value);
    }
}

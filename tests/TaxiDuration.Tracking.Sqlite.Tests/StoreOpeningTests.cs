using Microsoft.Data.Sqlite;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>Opening the store: each access mode does only what it may, and every wrong path says what to fix.</summary>
public sealed class StoreOpeningTests : IDisposable
{
    private readonly TempStore temp = new();

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_naming_it_and_the_fix()
    {
        File.WriteAllText(temp.Options.DatabasePath, "not a database, just some text that is long enough to have a header ......");

        var error = Assert.Throws<TrackingStoreException>(() => temp.Open());

        Assert.Contains(temp.Options.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite tracking store", error.Message, StringComparison.Ordinal);
        Assert.Contains("TAXI_TRACKING_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_where_the_store_file_should_be_is_named()
    {
        Directory.CreateDirectory(temp.Options.DatabasePath);

        var error = Assert.Throws<TrackingStoreException>(() => temp.Open());

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_where_the_store_folder_should_be_is_named()
    {
        var notAFolder = Path.Combine(temp.Folder, "tracking");
        File.WriteAllText(notAFolder, "oops");

        var error = Assert.Throws<TrackingStoreException>(() => TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(notAFolder, "tracking.db") }));

        Assert.Contains("is a file, not a folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrackingStoreAccess.Existing)]
    [InlineData(TrackingStoreAccess.ReadOnly)]
    public void Browsing_or_serving_a_missing_store_is_an_error_and_creates_nothing(TrackingStoreAccess access)
    {
        var mistyped = Path.Combine(temp.Folder, "trakcing", "tracking.db");

        var error = Assert.Throws<TrackingStoreException>(() => TrackingStore.Open(new TrackingStoreOptions { DatabasePath = mistyped, Access = access }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(mistyped)));
    }

    [Fact]
    public void Reading_only_changes_not_a_byte_and_refuses_to_write()
    {
        var writer = temp.Open();
        var experiment = writer.Tracker.CreateExperiment("e");
        var before = ContentHash.OfFile(temp.Options.DatabasePath);

        var reader = TrackingStore.Open(temp.Options with { Access = TrackingStoreAccess.ReadOnly });

        Assert.Equal(experiment.ExperimentId, reader.Tracker.GetExperimentByName("e")!.ExperimentId);
        var refused = Assert.Throws<SqliteException>(() => reader.Tracker.CreateExperiment("f"));
        Assert.Equal(8, refused.SqliteErrorCode); // SQLITE_READONLY
        Assert.Equal(before, ContentHash.OfFile(temp.Options.DatabasePath));
    }

    [Fact]
    public void Reading_only_a_store_of_an_older_schema_is_refused_rather_than_migrated()
    {
        SqliteDatabase.Open(temp.Options, targetVersion: 1);

        var error = Assert.Throws<TrackingStoreException>(() => TrackingStore.Open(temp.Options with { Access = TrackingStoreAccess.ReadOnly }));

        Assert.Contains("schema version 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, new SchemaMigrator(SqliteDatabase.Open(temp.Options, targetVersion: 1)).CurrentVersion());
    }

    [ReadOnlyMountFact]
    public void A_store_on_a_read_only_mount_serves_its_registry_and_sees_later_promotions()
    {
        var writer = temp.Open();
        var experiment = writer.Tracker.CreateExperiment("e");
        var run = writer.Tracker.CreateRun(new NewRun(experiment.ExperimentId, "r"));
        writer.Tracker.LogArtifact(run.RunId, temp.WriteFile("model.zip", "model bytes"), "model/model.zip");
        writer.Registry.CreateModelVersion(new NewModelVersion("m", run.RunId, "model/model.zip", "f"));
        writer.Registry.CreateModelVersion(new NewModelVersion("m", run.RunId, "model/model.zip", "f"));
        writer.Registry.SetAlias("m", "champion", 1, "first", "test");
        using var mount = ReadOnlyMount.Of(temp.Folder);

        var reader = TrackingStore.Open(new TrackingStoreOptions
        {
            DatabasePath = Path.Combine(mount.Path, "tracking.db"),
            Access = TrackingStoreAccess.ReadOnly,
        });
        var first = reader.Registry.ResolveArtifact(ModelUri.Parse("m@champion"));
        writer.Registry.SetAlias("m", "champion", 2, "second", "test");
        var second = reader.Registry.Resolve(ModelUri.Parse("m@champion"));

        Assert.Equal(1, first.Version.Version);
        Assert.Equal("model bytes", File.ReadAllText(first.FilePath));
        Assert.Equal(2, second.Version);
    }

    public void Dispose() => temp.Dispose();
}

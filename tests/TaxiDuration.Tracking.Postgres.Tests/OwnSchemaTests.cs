using Npgsql;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>A store named by a schema of its own: several stores share one database without anyone preparing it.</summary>
public sealed class OwnSchemaTests : IClassFixture<FreshDatabase>, IDisposable
{
    private readonly FreshDatabase database;
    private readonly TemporaryFolder artifacts = new();

    public OwnSchemaTests(FreshDatabase database) => this.database = database;

    [PostgresFact]
    public void A_missing_schema_named_first_in_the_search_path_is_created_and_holds_the_stores_tables()
    {
        var schema = "store_" + Guid.NewGuid().ToString("N")[..8];

        var runIds = new[] { "first", "second" }.Select(name =>
        {
            using var store = PostgresTrackingStore.Open(Options(schema));
            var experiment = store.Tracker.GetOrCreateExperiment("taxi-duration");
            return store.Tracker.CreateRun(new NewRun(experiment.ExperimentId, name)).RunId;
        }).ToArray();

        var sql = RawSql.Postgres(database.ConnectionString);
        Assert.Equal(2, sql.Long($"SELECT count(*) FROM {schema}.runs;"));
        Assert.Equal(0, sql.Long("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'runs';"));
        using var reopened = PostgresTrackingStore.Open(Options(schema) with { ReadOnly = true });
        Assert.Equal(["first", "second"], runIds.Select(id => reopened.Tracker.GetRun(id).Info.Name));
    }

    [Theory]
    [InlineData("team_a", "team_a")]
    [InlineData("Level3_20261201, public", "Level3_20261201")]
    [InlineData("\"$user\", public", null)]
    [InlineData("\"Quoted Name\"", null)]
    [InlineData("a;DROP TABLE runs", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_a_plain_first_schema_name_is_the_stores_to_create(string? searchPath, string? created) =>
        Assert.Equal(created, SchemaMigrator.OwnSchema(searchPath));

    public void Dispose() => artifacts.Dispose();

    private PostgresTrackingOptions Options(string schema) => new()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString,
        ArtifactRoot = artifacts.Path,
    };
}

using System.Net;
using System.Net.Sockets;
using Npgsql;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Opening the store: every wrong setting says what to fix, and never prints the password.</summary>
public sealed class StoreOpeningTests : IClassFixture<FreshDatabase>
{
    private readonly FreshDatabase database;

    public StoreOpeningTests(FreshDatabase database) => this.database = database;

    [Fact]
    public void An_unreachable_server_is_named_without_the_password_with_the_fix()
    {
        var options = new PostgresTrackingOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=tracker;Password=s3cret-value;Database=tracking;Timeout=2",
            ArtifactRoot = Path.GetTempPath(),
        };

        var error = Assert.Throws<PostgresStoreException>(() => PostgresTrackingStore.Open(options));

        Assert.Equal($"postgresql://127.0.0.1:{new NpgsqlConnectionStringBuilder(options.ConnectionString).Port}/tracking", error.Location);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("build/postgres.sh", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PostgresTrackingOptions.ConnectionString), " ", "artifacts", 1)]
    [InlineData(nameof(PostgresTrackingOptions.ArtifactRoot), "Host=127.0.0.1", " ", 1)]
    [InlineData(nameof(PostgresTrackingOptions.MaxTransientRetries), "Host=127.0.0.1", "artifacts", -1)]
    public void Invalid_options_are_refused_naming_the_setting(string setting, string connectionString, string artifactRoot, int retries)
    {
        var options = new PostgresTrackingOptions { ConnectionString = connectionString, ArtifactRoot = artifactRoot, MaxTransientRetries = retries };

        var error = Assert.Throws<ArgumentException>(() => PostgresTrackingStore.Open(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_missing_database_is_named_with_the_fix()
    {
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "taxi_no_such_database" }.ConnectionString;

        var error = Assert.Throws<PostgresStoreException>(() => PostgresTrackingStore.Open(new PostgresTrackingOptions { ConnectionString = missing, ArtifactRoot = Path.GetTempPath() }));

        Assert.EndsWith("/taxi_no_such_database", error.Location, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_location_names_server_and_database_only()
    {
        using var temp = new TempStore(database);
        var store = temp.Open();
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString);

        Assert.Equal($"postgresql://{settings.Host}:{settings.Port}/{settings.Database}", store.Location);
        Assert.Equal(store.Location, store.Tracker.Location);
    }

    // A port nothing listens on: bound once by the OS, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

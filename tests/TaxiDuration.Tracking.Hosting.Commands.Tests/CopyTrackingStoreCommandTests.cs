using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Commands.Tests;

/// <summary>
/// copy-tracking-store as a level host runs it: the source is the configured tracking folder, the target --to or the
/// configured connection string; usage errors are exit 2 before anything is read, refusals exit 1 in one line.
/// The tests set the process's environment, as a shell would, so they run one at a time (one class, no parallelism).
/// </summary>
public sealed class CopyTrackingStoreCommandTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task Without_a_target_it_is_a_usage_error_saying_how_to_name_one()
    {
        var run = await RunAsync(postgresVariable: null);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--to \"Host=", run.Error, StringComparison.Ordinal);
        Assert.Contains(TrackingBackendServiceCollectionExtensions.PostgresVariable, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_a_usage_error_naming_the_option()
    {
        var run = await RunAsync(postgresVariable: null, "--to", "Hots=db.internal");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--to is not a PostgreSQL connection string", run.Error, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_tracking_folder_without_a_store_fails_in_one_line_before_any_server_is_contacted()
    {
        var run = await RunAsync(postgresVariable: null, "--to", "Host=127.0.0.1;Port=1;Database=never");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task It_copies_the_configured_store_into_the_configured_server_then_refuses_a_second_copy()
    {
        using var database = new FreshDatabase();
        var store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(TrackingFolder, TrackingStoreOptions.DatabaseFileName) });
        var run = store.Tracker.CreateRun(new NewRun(store.Tracker.GetOrCreateExperiment("taxi-duration").ExperimentId, "before the move"));
        store.Tracker.LogMetric(run.RunId, "validation_rmse", 4.2);

        var copied = await RunAsync(postgresVariable: database.ConnectionString);
        var again = await RunAsync(postgresVariable: null, "--to", database.ConnectionString);

        Assert.True(copied.ExitCode == ExitCodes.Success, copied.Error);
        Assert.Contains($"  runs: 1 row{Environment.NewLine}", copied.Output, StringComparison.Ordinal);
        Assert.Contains("| metrics | 1 |", copied.Output, StringComparison.Ordinal);
        Assert.Contains("Copied 3 rows in ", copied.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("already holds tracking data", again.Error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private string TrackingFolder => folder.File("tracking");

    // The host reads TAXI_TRACKING_DIR and TAXI_TRACKING_POSTGRES from the environment, like every level host.
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string? postgresVariable, params string[] arguments)
    {
        var saved = (Console.Out, Directory: Environment.GetEnvironmentVariable(TrackingStoreOptions.DirectoryVariable),
            Postgres: Environment.GetEnvironmentVariable(TrackingBackendServiceCollectionExtensions.PostgresVariable));
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Environment.SetEnvironmentVariable(TrackingStoreOptions.DirectoryVariable, TrackingFolder);
            Environment.SetEnvironmentVariable(TrackingBackendServiceCollectionExtensions.PostgresVariable, postgresVariable);
            Console.SetOut(output);
            var exitCode = await CommandLineApp.RunAsync(new RootCommand { CopyTrackingStoreCommand.Create() }, [CopyTrackingStoreCommand.Name, .. arguments], error);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(saved.Out);
            Environment.SetEnvironmentVariable(TrackingStoreOptions.DirectoryVariable, saved.Directory);
            Environment.SetEnvironmentVariable(TrackingBackendServiceCollectionExtensions.PostgresVariable, saved.Postgres);
        }
    }
}

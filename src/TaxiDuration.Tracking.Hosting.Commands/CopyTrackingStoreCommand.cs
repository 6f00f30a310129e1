using System.CommandLine;
using Npgsql;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking.Hosting.StoreCopy;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Commands;

/// <summary>
/// <c>copy-tracking-store</c>: the day a team outgrows one machine, its embedded store (the host's
/// <c>TAXI_TRACKING_DIR</c>) is copied into an empty PostgreSQL database, ids and history intact, and the hosts are
/// pointed at it. The artifact files stay where they are: both backends read them from the tracking folder.
/// </summary>
public static class CopyTrackingStoreCommand
{
    public const string Name = "copy-tracking-store";

    public static Command Create()
    {
        var to = new Option<string?>("--to")
        {
            Description = $"connection string of the empty PostgreSQL database to copy into, \"Host=…;Database=…;Username=…\" (default: Tracking:Postgres or {TrackingBackendServiceCollectionExtensions.PostgresVariable})",
        };
        var allowMissingArtifacts = new Option<bool>("--allow-missing-artifacts")
        {
            Description = "copy even when artifact files named by the store are missing from its artifacts/ folder (they are listed; those models will not load)",
        };
        to.Validators.Add(result =>
        {
            if (ConnectionStringProblem(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError($"--to is not a PostgreSQL connection string ({problem}): use \"Host=…;Port=…;Database=…;Username=…\".");
            }
        });
        var command = new Command(Name, "Copy the embedded SQLite store into an empty PostgreSQL database: every run, model version and alias change, ids kept, all or nothing.")
        {
            to,
            allowMissingArtifacts,
        };
        command.SetAction(parse => Copy(parse.GetValue(to), parse.GetValue(allowMissingArtifacts)));
        return command;
    }

    private static int Copy(string? to, bool allowMissingArtifacts)
    {
        var host = CommandLineHost.CreateBuilder([]);
        var connectionString = to ?? TrackingBackendServiceCollectionExtensions.PostgresConnectionString(host.Configuration)
            ?? throw new CommandFailedException(ExitCodes.Usage, $"say which PostgreSQL database to copy into: --to \"Host=…;Database=…;Username=…\", or set {TrackingBackendServiceCollectionExtensions.PostgresVariable}.");
        var contentRoot = host.Environment.ContentRootPath;
        var source = TrackingServiceCollectionExtensions.StoreOptions(host.Configuration, contentRoot, TrackingStoreAccess.ReadOnly);
        var target = TrackingBackendServiceCollectionExtensions.PostgresOptions(host.Configuration, contentRoot, connectionString);
        Console.WriteLine($"Copying tracking store {source.DatabasePath} into PostgreSQL; artifact files stay in {target.ArtifactRoot}.");
        StoreCopyResult result;
        try
        {
            result = SqliteToPostgresCopy.Run(source, target, allowMissingArtifacts, new CopyProgressLines());
        }
        catch (Exception unsupported) when (unsupported is Sqlite.UnsupportedStoreVersionException or Postgres.UnsupportedStoreVersionException)
        {
            throw new CommandFailedException(ExitCodes.Failed, unsupported.Message, unsupported);
        }

        CopyProgressLines.Summarize(result);
        Console.WriteLine($"Point every host at it: set {TrackingBackendServiceCollectionExtensions.PostgresVariable} (or Tracking:Postgres) to the same connection string. The SQLite file was not changed.");
        return ExitCodes.Success;
    }

    private static string? ConnectionStringProblem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            return string.IsNullOrWhiteSpace(text) ? "it is empty" : null;
        }
        catch (ArgumentException malformed)
        {
            // Npgsql names the keyword it could not read, never a value, so no password reaches the terminal.
            return malformed.Message;
        }
    }
}

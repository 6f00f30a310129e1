using System.Diagnostics;
using TaxiDuration.Tracking.Artifacts;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// Moves a team from the embedded store to PostgreSQL: every row of a SQLite store (runs, their params, metric
/// histories, tags, artifacts and data fingerprints; the registry's versions, aliases, alias history and deployment
/// decisions) copied into an empty PostgreSQL store with the same ids, in one transaction: all of it or none.
/// </summary>
public static class SqliteToPostgresCopy
{
    private const int MissingArtifactsShown = 10;

    /// <param name="source">The SQLite store; opened read-only, so the copy never changes what it copies.</param>
    /// <param name="target">The PostgreSQL store (migrated when new); its <see cref="PostgresTrackingOptions.ArtifactRoot"/> must hold the artifact files.</param>
    /// <param name="allowMissingArtifacts">Copy even when artifact files are missing (they are listed in the result); otherwise refuse.</param>
    /// <param name="progress">Rows copied per table, for big stores.</param>
    /// <exception cref="StoreCopyRefusedException">The target already holds data, or artifact files are missing; nothing was written.</exception>
    /// <exception cref="TrackingStoreException">The source is not a store this build reads (missing, or an older schema: open it once to migrate).</exception>
    /// <exception cref="Sqlite.UnsupportedStoreVersionException">The source was written by a newer build.</exception>
    /// <exception cref="Postgres.UnsupportedStoreVersionException">The target was migrated by a newer build.</exception>
    /// <exception cref="PostgresStoreException">The server cannot be reached or refuses the login.</exception>
    public static StoreCopyResult Run(
        TrackingStoreOptions source,
        PostgresTrackingOptions target,
        bool allowMissingArtifacts = false,
        IProgress<StoreCopyProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var clock = Stopwatch.StartNew();
        // Read-only also means the exact schema version this build writes: the table list is for that version alone.
        var sqlite = SqliteDatabase.Open(source with { Access = TrackingStoreAccess.ReadOnly });
        var files = new ContentAddressedFiles(target.ArtifactRoot);
        return sqlite.Read(reading =>
        {
            // One read transaction: every table as of one moment, even while another process trains into the store.
            using var snapshot = reading.BeginTransaction(deferred: true);
            var (artifactFiles, missing) = ArtifactFiles.Check(reading, files);
            if (missing.Count > 0 && !allowMissingArtifacts)
            {
                throw MissingArtifactsRefused(missing, files.Root, source.ResolvedArtifactRoot);
            }

            using var postgres = PostgresDatabase.Open(target with { ReadOnly = false });
            var tables = postgres.Write(writing =>
            {
                EmptyTarget.LockAndRequire(writing, postgres.Location);
                var copied = new List<CopiedTableRows>();
                foreach (var table in CopiedTables.All)
                {
                    copied.Add(new CopiedTableRows(table.Name, TableCopier.Copy(table, reading, writing, progress)));
                }

                IdentitySequences.ContinueAfterCopiedRows(writing);
                return copied;
            });
            return new StoreCopyResult(sqlite.FilePath, postgres.Location, tables, artifactFiles, missing, clock.Elapsed);
        });
    }

    private static StoreCopyRefusedException MissingArtifactsRefused(IReadOnlyList<MissingArtifact> missing, string targetRoot, string sourceRoot)
    {
        var listed = string.Join("; ", missing.Take(MissingArtifactsShown).Select(artifact => $"run {artifact.RunId} '{artifact.ArtifactPath}' (SHA-256 {artifact.Sha256})"));
        var more = missing.Count > MissingArtifactsShown ? $" and {missing.Count - MissingArtifactsShown} more" : "";
        var elsewhere = Path.GetFullPath(sourceRoot) == targetRoot ? "" : $" The SQLite store keeps its files in '{sourceRoot}': copy that folder's sha256/ there.";
        return new StoreCopyRefusedException(
            $"{missing.Count} artifact reference(s) have no file under '{targetRoot}': {listed}{more}.{elsewhere} " +
            "Restore the files, or copy anyway (copy-tracking-store --allow-missing-artifacts): those runs and versions will then not load. Nothing was written.");
    }
}

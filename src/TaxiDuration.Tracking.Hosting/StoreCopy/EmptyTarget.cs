using Npgsql;
using TaxiDuration.Tracking.Postgres;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// The copy goes only into a store with no rows: merging two histories would tangle run ids, version numbers and the
/// alias audit trail, so a non-empty target is refused, never merged.
/// </summary>
internal static class EmptyTarget
{
    /// <summary>Locks every tracking table against writers for the rest of the transaction, then requires them empty.</summary>
    /// <exception cref="StoreCopyRefusedException">A table holds rows; the transaction has written nothing.</exception>
    public static void LockAndRequire(NpgsqlConnection target, string location)
    {
        // EXCLUSIVE: readers (a service polling the registry) go on; no writer adds a row between this check and the commit.
        target.Execute($"LOCK TABLE {string.Join(", ", CopiedTables.All.Select(table => table.Name))} IN EXCLUSIVE MODE;");
        var occupied = CopiedTables.All
            .Select(table => (table.Name, Rows: target.Scalar<long>($"SELECT COUNT(*) FROM {table.Name};")))
            .Where(table => table.Rows > 0)
            .ToList();
        if (occupied.Count > 0)
        {
            throw new StoreCopyRefusedException(
                $"Tracking store '{location}' already holds tracking data ({string.Join(", ", occupied.Select(table => $"{table.Name}: {table.Rows}"))}); " +
                "a copy never merges two histories. Copy into an empty database (CREATE DATABASE …) or an empty schema (Search Path=…). Nothing was written.");
        }
    }
}

using Npgsql;
using TaxiDuration.Tracking.Postgres;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// Copied rows carry their ids, which leaves each identity column's sequence at its start: without this, the first
/// experiment, metric or alias change written after the copy would be handed id 1 again and collide.
/// </summary>
internal static class IdentitySequences
{
    public static void ContinueAfterCopiedRows(NpgsqlConnection target)
    {
        var identities = target.Query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name = ANY(@tables);",
            row => (Table: row.GetString(0), Column: row.GetString(1)),
            ("tables", CopiedTables.All.Select(table => table.Name).ToArray()));
        foreach (var (table, column) in identities)
        {
            // is_called = false: the next value handed out is exactly MAX + 1 (1 for an empty table).
            target.Execute($"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false);");
        }
    }
}

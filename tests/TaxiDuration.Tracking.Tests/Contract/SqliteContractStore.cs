using Microsoft.Data.Sqlite;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>The embedded store: a SQLite file and its artifact folder in a fresh temporary folder.</summary>
internal sealed class SqliteContractStore : ContractStore
{
    // SQLITE_CONSTRAINT: what RAISE(ABORT, …) in a trigger reports.
    private const int SqliteConstraint = 19;

    public SqliteContractStore()
        : this(new TemporaryFolder())
    {
    }

    private SqliteContractStore(TemporaryFolder folder)
        : base(folder, new StoreAddress(Backend.Sqlite, folder.File("tracking.db"), folder.File("artifacts")), RawSql.Sqlite(folder.File("tracking.db")))
    {
    }

    public override void AssertDatabaseRefusesChanges(string table, string assignment, string rule)
    {
        foreach (var change in RowChanges(table, assignment))
        {
            var refused = Sql.Refused<SqliteException>(change);
            Assert.Equal(SqliteConstraint, refused.SqliteErrorCode);
            Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
        }
    }

    public override void FailInsertsInto(string table, string message, string? when = null) =>
        Sql.Execute($"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} {(when is null ? "" : $"WHEN {when} ")}BEGIN SELECT RAISE(ABORT, '{message}'); END;");

    public override void StopFailingInsertsInto(string table) => Sql.Execute($"DROP TRIGGER fail_{table};");
}

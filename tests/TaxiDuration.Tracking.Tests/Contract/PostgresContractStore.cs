using Npgsql;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// The server store: a fresh schema in the test class's database (the store's tables go to the first schema of the
/// search path) and a fresh artifact folder, so tests share a database but never rows or files.
/// </summary>
internal sealed class PostgresContractStore : ContractStore
{
    private readonly string schema;

    public PostgresContractStore(FreshDatabase database)
        : this(new TemporaryFolder(), database.CreateSchema())
    {
    }

    private PostgresContractStore(TemporaryFolder folder, (string Schema, string ConnectionString) created)
        : base(folder, new StoreAddress(Backend.Postgres, created.ConnectionString, folder.File("artifacts")), RawSql.Postgres(created.ConnectionString)) =>
        schema = created.Schema;

    public override void AssertDatabaseRefusesChanges(string table, string assignment, string rule)
    {
        // TRUNCATE skips row triggers, so the store refuses it with a statement trigger of its own.
        foreach (var change in RowChanges(table, assignment).Append($"TRUNCATE {table} CASCADE;"))
        {
            var refused = Sql.Refused<PostgresException>(change);
            Assert.Equal(PostgresErrorCodes.RestrictViolation, refused.SqlState);
            Assert.Equal(rule, refused.MessageText);
            Assert.Equal(table, refused.TableName);
            Assert.Equal(schema, refused.SchemaName);
        }
    }

    public override void FailInsertsInto(string table, string message, string? when = null) => Sql.Execute($"""
        CREATE FUNCTION fail_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END; $$;
        CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} FOR EACH ROW {(when is null ? "" : $"WHEN ({when}) ")}EXECUTE FUNCTION fail_{table}();
        """);

    public override void StopFailingInsertsInto(string table) => Sql.Execute($"DROP TRIGGER fail_{table} ON {table};");
}

using Xunit;

namespace TaxiDuration.TestSupport;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>TAXI_POSTGRES</c>. Tests never start one
/// themselves; <c>build/postgres.sh start &lt;dir&gt; &lt;port&gt;</c> does, and prints the string to export.
/// </summary>
public static class TestPostgres
{
    public const string VariableName = "TAXI_POSTGRES";

    /// <summary>The server's connection string (any database on it), or null when the variable is unset.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Why a PostgreSQL test is skipped, or null when it can run.</summary>
    public static string? SkipReason =>
        ServerConnectionString is null
            ? $"PostgreSQL not available: set {VariableName} to a connection string, e.g. {VariableName}=\"$(build/postgres.sh start /tmp/taxi-pg 54329)\""
            : null;
}

/// <summary>A fact that needs the PostgreSQL server; skipped, with the reason, only when <c>TAXI_POSTGRES</c> is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

/// <summary>A theory that needs the PostgreSQL server; skipped, with the reason, only when <c>TAXI_POSTGRES</c> is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestPostgres.SkipReason;
}

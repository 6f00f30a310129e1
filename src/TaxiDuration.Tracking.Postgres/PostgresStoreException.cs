namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// The store cannot be used as asked (server unreachable, database missing, login refused, schema not migrated); the
/// message names the server and database, never the password, with the fix.
/// </summary>
public sealed class PostgresStoreException : IOException
{
    public PostgresStoreException(string location, string problem, Exception? innerException = null)
        : base($"Tracking store '{location}' {problem}", innerException)
    {
        Location = location;
    }

    public string Location { get; }
}

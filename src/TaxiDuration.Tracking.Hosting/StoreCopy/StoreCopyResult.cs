namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>What a committed copy moved: rows per table (foreign-key order), the artifact files checked, how long it took.</summary>
/// <param name="Source">The SQLite file copied.</param>
/// <param name="Target">The PostgreSQL store, as a URI without credentials.</param>
/// <param name="ArtifactFiles">Distinct artifact files the rows name (each checked on disk).</param>
/// <param name="MissingArtifacts">References whose file is missing (only when the copy was told to go on without them).</param>
public sealed record StoreCopyResult(
    string Source,
    string Target,
    IReadOnlyList<CopiedTableRows> Tables,
    int ArtifactFiles,
    IReadOnlyList<MissingArtifact> MissingArtifacts,
    TimeSpan Elapsed)
{
    public long TotalRows => Tables.Sum(table => table.Rows);
}

/// <summary>Rows copied into one table.</summary>
public sealed record CopiedTableRows(string Table, long Rows);

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// One table as the copy moves it: the PostgreSQL columns it fills, what the SQLite store reads for each (the same
/// column unless the two schemas differ), and the source order, so a copy is deterministic and streams one pass.
/// </summary>
internal sealed record CopiedTable(string Name, string OrderBy, IReadOnlyList<string> Columns)
{
    /// <summary>SQLite expressions for the columns the schemas spell differently (by target column name).</summary>
    public IReadOnlyDictionary<string, string> ReadAs { get; init; } = new Dictionary<string, string>();

    public string SourceQuery =>
        $"SELECT {string.Join(", ", Columns.Select(column => ReadAs.GetValueOrDefault(column, column)))} FROM {Name} ORDER BY {OrderBy};";

    public string TargetCopy => $"COPY {Name} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY);";
}

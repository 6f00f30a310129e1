using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Artifacts;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// The artifact bytes do not move: both backends name them by SHA-256 under the same folder. What the copy checks is
/// that every hash the rows name (run artifacts and model versions) has its file under the root the PostgreSQL store
/// will read, so nothing copied points at bytes that are not there.
/// </summary>
internal static class ArtifactFiles
{
    /// <returns>How many distinct files the rows name, and the references whose file is missing.</returns>
    public static (int Files, IReadOnlyList<MissingArtifact> Missing) Check(SqliteConnection source, ContentAddressedFiles files)
    {
        var references = source.Query(
            "SELECT run_id, path, sha256 FROM artifacts UNION SELECT run_id, artifact_path, artifact_sha256 FROM model_versions ORDER BY 1, 2;",
            row => (RunId: row.GetString(0), Path: row.GetString(1), Sha256: row.GetString(2)));
        var present = references.Select(reference => reference.Sha256).Distinct(StringComparer.Ordinal)
            .ToDictionary(hash => hash, hash => File.Exists(files.PathOf(hash)), StringComparer.Ordinal);
        var missing = references
            .Where(reference => !present[reference.Sha256])
            .Select(reference => new MissingArtifact(reference.RunId, reference.Path, reference.Sha256, files.PathOf(reference.Sha256)))
            .ToList();
        return (present.Count, missing);
    }
}

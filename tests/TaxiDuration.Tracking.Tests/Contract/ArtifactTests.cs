using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Artifacts: stored once per SHA-256 under the artifact root, read back only when their bytes still match.</summary>
public sealed class ArtifactTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void An_artifact_round_trips_by_run_and_path_with_its_sha256(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        var source = store.WriteFile("model.zip", "model bytes");

        var logged = store.Tracker.LogArtifact(run, source, "model/model.zip");

        Assert.Equal(ContentHash.OfFile(source), logged.Sha256);
        Assert.Equal(new FileInfo(source).Length, logged.SizeBytes);
        Assert.Equal([logged], store.Tracker.ListArtifacts(run));
        var file = store.Tracker.GetVerifiedArtifactFile(run, "model/model.zip");
        Assert.StartsWith(store.ArtifactRoot, file, StringComparison.Ordinal);
        Assert.Equal("model bytes", File.ReadAllText(file));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Another_host_with_the_same_artifact_root_reads_what_this_one_logged(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        store.Tracker.LogArtifact(run, store.WriteFile("model.zip", "shared bytes"), "model/model.zip");

        // A second process (a serving host) opening the same store read-only, with the same artifact folder.
        var other = store.ConnectReadOnly();

        Assert.Equal("shared bytes", File.ReadAllText(other.Tracker.GetVerifiedArtifactFile(run, "model/model.zip")));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Identical_content_is_stored_once_and_no_temporary_file_is_left(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var source = store.WriteFile("report.md", "same content");
        var first = store.Tracker.LogArtifact(store.NewRun(), source);
        var second = store.Tracker.LogArtifact(store.NewRun(), source, "copy/report.md");
        store.Tracker.LogArtifact(store.NewRun(), store.WriteFile("other.md", "other content"));

        var stored = Directory.GetFiles(store.ArtifactRoot, "*", SearchOption.AllDirectories);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, stored.Length);
        Assert.DoesNotContain(stored, path => path.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_tampered_artifact_is_refused_naming_the_file_and_both_hashes(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        var logged = store.Tracker.LogArtifact(run, store.WriteFile("model.zip", "original"));
        var blob = store.Tracker.GetVerifiedArtifactFile(run, "model.zip");
        File.WriteAllText(blob, "tampered");

        var error = Assert.Throws<ArtifactIntegrityException>(() => store.Tracker.GetVerifiedArtifactFile(run, "model.zip"));

        Assert.Equal(blob, error.FilePath);
        Assert.Equal(logged.Sha256, error.ExpectedSha256);
        Assert.Equal(ContentHash.OfFile(blob), error.ActualSha256);
        Assert.Contains(blob, error.Message, StringComparison.Ordinal);
        Assert.Contains(logged.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.ActualSha256, error.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Logging_the_same_content_again_heals_a_damaged_stored_copy(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        var source = store.WriteFile("model.zip", "original");
        store.Tracker.LogArtifact(run, source);
        File.WriteAllText(store.Tracker.GetVerifiedArtifactFile(run, "model.zip"), "damaged");

        store.Tracker.LogArtifact(store.NewRun(), source);

        Assert.Equal("original", File.ReadAllText(store.Tracker.GetVerifiedArtifactFile(run, "model.zip")));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Artifact_paths_that_could_escape_the_run_are_refused(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var file = store.WriteFile("a.txt", "x");

        // One row per backend (data attributes do not multiply), so the paths are checked in turn, each named on failure.
        foreach (var path in new[] { "../escape.zip", "/etc/passwd", "model//model.zip" })
        {
            var error = Assert.Throws<ArgumentException>(() => store.Tracker.LogArtifact(store.NewRun(), file, path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_unknown_artifact_path_fails_listing_what_the_run_has(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        store.Tracker.LogArtifact(run, store.WriteFile("model.zip", "m"));

        var error = Assert.Throws<KeyNotFoundException>(() => store.Tracker.GetVerifiedArtifactFile(run, "missing.zip"));

        Assert.Contains("missing.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("model.zip", error.Message, StringComparison.Ordinal);
    }
}

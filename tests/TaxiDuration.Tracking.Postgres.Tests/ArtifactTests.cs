using TaxiDuration.TestSupport;
namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class ArtifactTests : IClassFixture<FreshDatabase>, IDisposable
{
    private readonly TempStore temp;
    private readonly PostgresTrackingStore store;

    public ArtifactTests(FreshDatabase database)
    {
        temp = new TempStore(database);
        store = temp.Open();
    }

    [PostgresFact]
    public void An_artifact_round_trips_by_run_and_path_with_its_sha256()
    {
        var run = NewRun();
        var source = temp.WriteFile("model.zip", "model bytes");

        var logged = store.Tracker.LogArtifact(run, source, "model/model.zip");

        Assert.Equal(ContentHash.OfFile(source), logged.Sha256);
        Assert.Equal(new FileInfo(source).Length, logged.SizeBytes);
        Assert.Equal([logged], store.Tracker.ListArtifacts(run));
        var file = store.Tracker.GetVerifiedArtifactFile(run, "model/model.zip");
        Assert.StartsWith(store.ArtifactRoot, file, StringComparison.Ordinal);
        Assert.Equal("model bytes", File.ReadAllText(file));
    }

    [PostgresFact]
    public void Another_host_with_the_same_artifact_root_reads_what_this_one_logged()
    {
        var run = NewRun();
        store.Tracker.LogArtifact(run, temp.WriteFile("model.zip", "shared bytes"), "model/model.zip");

        // A second process (a serving host) opening the same database and the same mounted folder.
        using var other = PostgresTrackingStore.Open(temp.Options with { ReadOnly = true });

        Assert.Equal("shared bytes", File.ReadAllText(other.Tracker.GetVerifiedArtifactFile(run, "model/model.zip")));
    }

    [PostgresFact]
    public void Identical_content_is_stored_once_and_no_temporary_file_is_left()
    {
        var source = temp.WriteFile("report.md", "same content");
        var first = store.Tracker.LogArtifact(NewRun(), source);
        var second = store.Tracker.LogArtifact(NewRun(), source, "copy/report.md");
        store.Tracker.LogArtifact(NewRun(), temp.WriteFile("other.md", "other content"));

        var stored = Directory.GetFiles(store.ArtifactRoot, "*", SearchOption.AllDirectories);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, stored.Length);
        Assert.DoesNotContain(stored, path => path.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void A_tampered_artifact_is_refused_naming_the_file_and_both_hashes()
    {
        var run = NewRun();
        var logged = store.Tracker.LogArtifact(run, temp.WriteFile("model.zip", "original"));
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

    [PostgresFact]
    public void Logging_the_same_content_again_heals_a_damaged_stored_copy()
    {
        var run = NewRun();
        var source = temp.WriteFile("model.zip", "original");
        store.Tracker.LogArtifact(run, source);
        File.WriteAllText(store.Tracker.GetVerifiedArtifactFile(run, "model.zip"), "damaged");

        store.Tracker.LogArtifact(NewRun(), source);

        Assert.Equal("original", File.ReadAllText(store.Tracker.GetVerifiedArtifactFile(run, "model.zip")));
    }

    [PostgresTheory]
    [InlineData("../escape.zip")]
    [InlineData("/etc/passwd")]
    [InlineData("model//model.zip")]
    public void Artifact_paths_that_could_escape_the_run_are_refused(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => store.Tracker.LogArtifact(NewRun(), temp.WriteFile("a.txt", "x"), path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void An_unknown_artifact_path_fails_listing_what_the_run_has()
    {
        var run = NewRun();
        store.Tracker.LogArtifact(run, temp.WriteFile("model.zip", "m"));

        var error = Assert.Throws<KeyNotFoundException>(() => store.Tracker.GetVerifiedArtifactFile(run, "missing.zip"));

        Assert.Contains("missing.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("model.zip", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private string NewRun() => store.Tracker.CreateRun(new NewRun(store.Tracker.GetOrCreateExperiment("taxi").ExperimentId, "run")).RunId;
}

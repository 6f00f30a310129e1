using TaxiDuration.Tracking.Artifacts;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests;

/// <summary>The artifact folder's layout and refusals, which every host sharing one artifact root relies on.</summary>
public sealed class ContentAddressedFilesTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly ContentAddressedFiles files;

    public ContentAddressedFilesTests() => files = new ContentAddressedFiles(folder.File("artifacts"));

    [Fact]
    public void A_stored_file_lands_under_sha256_and_its_first_two_hex_digits_beside_an_emptied_staging_folder()
    {
        var source = folder.WriteFile("model.zip", "model bytes");

        var (sha256, size) = files.Store(source);

        Assert.Equal(ContentHash.OfFile(source), sha256);
        Assert.Equal(11L, size);
        // Other hosts (and older builds) find the bytes by this path alone.
        Assert.Equal(Path.Combine(folder.Path, "artifacts", "sha256", sha256[..2], sha256), files.PathOf(sha256));
        Assert.Equal("model bytes", File.ReadAllText(files.PathOf(sha256)));
        // Partial copies live in staging/, never among the stored files, and none is left behind.
        Assert.Equal(["sha256", "staging"], Directory.GetFileSystemEntries(files.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(files.Root, "staging")));
    }

    [Fact]
    public void Storing_bytes_already_stored_leaves_the_stored_file_untouched()
    {
        var (sha256, _) = files.Store(folder.WriteFile("model.zip", "model bytes"));
        var stored = files.PathOf(sha256);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(stored, written);

        var again = files.Store(folder.WriteFile("copy.zip", "model bytes"));

        // A host serving the stored file keeps the very file it opened: identical bytes are not moved over it.
        Assert.Equal((sha256, 11L), again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(stored));
    }

    [Fact]
    public void A_missing_source_file_is_refused_by_name()
    {
        var missing = folder.File("nothing.zip");

        var error = Assert.Throws<FileNotFoundException>(() => files.Store(missing));

        Assert.Equal($"Artifact source file '{missing}' does not exist.", error.Message);
        Assert.Equal(missing, error.FileName);
    }

    [Fact]
    public void Verifying_a_hash_with_no_stored_file_fails_naming_the_path_and_the_hash()
    {
        var sha256 = ContentHash.OfFile(folder.WriteFile("never-stored.zip", "never stored"));
        var path = files.PathOf(sha256);

        var error = Assert.Throws<FileNotFoundException>(() => files.Verified(sha256));

        Assert.Equal($"Artifact file '{path}' (SHA-256 {sha256}) is missing from the artifact store.", error.Message);
        Assert.Equal(path, error.FileName);
    }

    public void Dispose() => folder.Dispose();
}

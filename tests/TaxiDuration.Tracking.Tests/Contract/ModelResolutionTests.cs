using TaxiDuration.TestSupport;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Model URIs resolve to a version and a verified artifact, or fail saying what exists.</summary>
public sealed class ModelResolutionTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Uris_resolve_by_alias_and_by_version(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(2);
        registry.SetAlias(Model, "champion", 2, "best", "pipeline");

        Assert.Equal(2, registry.Resolve(ModelUri.Parse("taxi-duration@champion")).Version);
        Assert.Equal(1, registry.Resolve(ModelUri.Parse("taxi-duration/1")).Version);
        var artifact = registry.ResolveArtifact(ModelUri.Parse("taxi-duration@champion"));
        Assert.Equal("model 2", File.ReadAllText(artifact.FilePath));
        Assert.Equal(2, artifact.Version.Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Unknown_aliases_versions_and_models_fail_saying_what_exists(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(2);
        registry.SetAlias(Model, "champion", 1, "first", "pipeline");

        var alias = Assert.Throws<KeyNotFoundException>(() => registry.Resolve(ModelUri.Parse("taxi-duration@challenger")));
        var version = Assert.Throws<KeyNotFoundException>(() => registry.Resolve(ModelUri.Parse("taxi-duration/7")));
        var model = Assert.Throws<KeyNotFoundException>(() => registry.Resolve(ModelUri.Parse("other-model@champion")));
        var aliasToMissingVersion = Assert.Throws<KeyNotFoundException>(() => registry.SetAlias(Model, "champion", 9, "typo", "alice"));
        var aliasOfMissingModel = Assert.Throws<KeyNotFoundException>(() => registry.SetAlias("other-model", "champion", 1, "typo", "alice"));

        Assert.Contains("'challenger'", alias.Message, StringComparison.Ordinal);
        Assert.Contains("champion", alias.Message, StringComparison.Ordinal);
        Assert.Contains("no version 7", version.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 2", version.Message, StringComparison.Ordinal);
        Assert.Contains("'other-model'", model.Message, StringComparison.Ordinal);
        Assert.Contains("no version 9", aliasToMissingVersion.Message, StringComparison.Ordinal);
        Assert.Contains("known models: taxi-duration", aliasOfMissingModel.Message, StringComparison.Ordinal);
        Assert.Equal(1, registry.GetModelVersionByAlias(Model, "champion").Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_registered_artifact_whose_bytes_changed_is_refused_naming_the_file_and_both_hashes(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(1);
        registry.SetAlias(Model, "champion", 1, "first", "pipeline");
        var uri = ModelUri.Parse("taxi-duration@champion");
        var file = registry.ResolveArtifact(uri).FilePath;
        File.AppendAllText(file, " tampered");

        var error = Assert.Throws<ArtifactIntegrityException>(() => registry.ResolveArtifact(uri));

        Assert.Equal(file, error.FilePath);
        Assert.Equal(registry.GetModelVersion(Model, 1).ArtifactSha256, error.ExpectedSha256);
        Assert.Equal(ContentHash.OfFile(file), error.ActualSha256);
        Assert.NotEqual(error.ExpectedSha256, error.ActualSha256);
    }
}

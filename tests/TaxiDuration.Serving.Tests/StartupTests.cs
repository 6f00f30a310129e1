using System.Net;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// What the level-1 source loads. Start-up failures as a person sees them (exit code, one line naming the file) are
/// tested on the real process in TaxiDuration.Levels.Tests.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class StartupTests(TrainedModelFixture model)
{
    [Fact]
    public async Task A_model_file_that_no_longer_matches_its_checksum_is_refused()
    {
        var shipped = Path.Combine(model.Directory, $"shipped-{Guid.NewGuid():N}.zip");
        File.Copy(model.ModelPath, shipped);
        await File.WriteAllTextAsync(shipped + ".sha256", $"{new string('0', 64)}  {Path.GetFileName(shipped)}\n");
        var source = new Sources.ModelFileSource(
            Options.Create(new ModelOptions { Path = shipped }), new FixedEnvironment(model.Directory));

        var error = Assert.Throws<InvalidDataException>(() => source.Load(new Microsoft.ML.MLContext()));

        Assert.Contains(shipped, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_model_path_is_resolved_against_the_content_root()
    {
        var contentRoot = Directory.CreateTempSubdirectory("serving-root-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(contentRoot, "models"));
            File.Copy(model.ModelPath, Path.Combine(contentRoot, "models", "model.zip"));
            using var host = new ServingHost(
                new Dictionary<string, string?> { ["Model:Path"] = "models/model.zip" }, contentRoot: contentRoot);
            using var client = host.CreateClient();

            using var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private sealed class FixedEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}

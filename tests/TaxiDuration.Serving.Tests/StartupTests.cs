using System.Net;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving.Tests;

/// <summary>A bad model configuration stops the host at start with a message naming the file, not a 500 later.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class StartupTests(TrainedModelFixture model)
{
    [Fact]
    public void Missing_model_file_fails_start_up_naming_the_path()
    {
        var missing = Path.Combine(model.Directory, "no-such-model.zip");
        using var host = ServingHost.Serving(missing);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(missing, Messages(error), StringComparison.Ordinal);
        Assert.Contains("does not exist", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_model_file_fails_start_up_naming_the_path()
    {
        var corrupt = Path.Combine(model.Directory, "corrupt-model.zip");
        File.WriteAllBytes(corrupt, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
        using var host = ServingHost.Serving(corrupt);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(corrupt, Messages(error), StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(Flatten(error).First(e => e.Message.Contains(corrupt, StringComparison.Ordinal)));
    }

    [Fact]
    public void Empty_model_path_fails_options_validation_at_start()
    {
        using var host = ServingHost.Serving("");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(Flatten(error), e => e is OptionsValidationException);
        Assert.Contains("Model:Path", Messages(error), StringComparison.Ordinal);
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

    private static IEnumerable<Exception> Flatten(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten).Prepend(error),
        { InnerException: { } inner } => Flatten(inner).Prepend(error),
        _ => [error],
    };

    private static string Messages(Exception error) => string.Join(" | ", Flatten(error).Select(e => e.Message));
}

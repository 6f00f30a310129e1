using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Tests;

/// <summary>The argument checks every backend shares: MLflow's key length and artifact paths that stay inside their run.</summary>
public sealed class TrackingNamesTests
{
    [Fact]
    public void A_key_of_250_characters_is_accepted_and_one_of_251_is_refused_naming_what_it_is()
    {
        var longest = new string('k', 250);
        var tooLong = new string('k', 251);

        var error = Assert.Throws<ArgumentException>(() => TrackingNames.Key(tooLong, "Metric key"));

        Assert.Same(longest, TrackingNames.Key(longest, "Metric key"));
        // The message shows a prefix only: a 251-character key would drown the rest.
        Assert.StartsWith($"Metric key '{new string('k', 40)}…' is 251 characters; at most 250 are allowed.", error.Message, StringComparison.Ordinal);
        Assert.Equal("Metric key", error.ParamName);
    }

    [Theory]
    [InlineData("./model.zip")]
    [InlineData("model/./model.zip")]
    [InlineData("model/../../model.zip")]
    [InlineData("model//model.zip")]
    [InlineData("/model.zip")]
    public void Artifact_paths_with_dot_empty_or_rooted_segments_are_refused(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => TrackingNames.ArtifactPath(path));

        Assert.StartsWith($"Artifact path '{path}' must be relative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Artifact_paths_are_normalised_to_forward_slashes()
    {
        Assert.Equal("model/model.zip", TrackingNames.ArtifactPath(@"model\model.zip"));
        Assert.Equal("model/.hidden/v1.zip", TrackingNames.ArtifactPath("model/.hidden/v1.zip"));
    }
}

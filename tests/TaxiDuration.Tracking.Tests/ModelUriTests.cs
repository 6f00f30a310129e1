namespace TaxiDuration.Tracking.Tests;

public sealed class ModelUriTests
{
    [Theory]
    [InlineData("taxi-duration/3", "taxi-duration", 3, null)]
    [InlineData("taxi-duration@champion", "taxi-duration", null, "champion")]
    [InlineData("models:/taxi-duration@challenger", "taxi-duration", null, "challenger")]
    [InlineData("taxi.duration_v2/12", "taxi.duration_v2", 12, null)]
    public void Valid_uris_parse_into_name_and_version_or_alias(string text, string name, int? version, string? alias)
    {
        var uri = ModelUri.Parse(text);

        Assert.Equal(name, uri.ModelName);
        Assert.Equal(version, uri.Version);
        Assert.Equal(alias, uri.Alias);
        Assert.Equal(uri, ModelUri.Parse(uri.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("taxi-duration")]
    [InlineData("taxi-duration/0")]
    [InlineData("taxi-duration/-1")]
    [InlineData("taxi-duration/abc")]
    [InlineData("taxi-duration@")]
    [InlineData("taxi-duration@Champion")]
    [InlineData("taxi-duration@latest")]
    [InlineData("taxi-duration@v3")]
    [InlineData("@champion")]
    [InlineData("taxi duration/1")]
    [InlineData("taxi-duration/1/2")]
    public void Malformed_uris_fail_showing_the_accepted_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ModelUri.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("taxi-duration@champion", error.Message, StringComparison.Ordinal);
        Assert.False(ModelUri.TryParse(text, out _));
    }

    [Fact]
    public void A_uri_for_a_version_starts_at_version_1()
    {
        var first = ModelUri.ForVersion("taxi-duration", 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ModelUri.ForVersion("taxi-duration", 0));

        Assert.Equal("taxi-duration/1", first.ToString());
        Assert.Equal(2, ModelUri.ForVersion("taxi-duration", 2).Version);
        Assert.StartsWith("Model versions start at 1.", error.Message, StringComparison.Ordinal);
        Assert.Equal("version", error.ParamName);
    }

    [Fact]
    public void An_invalid_model_name_is_refused_saying_which_characters_are_allowed()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelUri.ForVersion("taxi duration", 1));

        Assert.StartsWith(
            "Model name 'taxi duration' is invalid: use letters, digits, '.', '_' and '-', starting with a letter or digit.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal("name", error.ParamName);
    }

    [Theory]
    [InlineData("Champion")]
    [InlineData("latest")]
    [InlineData("v3")]
    public void An_invalid_or_reserved_alias_is_refused_saying_why(string alias)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelUri.ForAlias("taxi-duration", alias));

        Assert.StartsWith(
            $"Alias '{alias}' is invalid: use lower-case letters, digits, '_' and '-', starting with a letter; 'latest' and 'v<number>' are reserved",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal("alias", error.ParamName);
    }

    [Fact]
    public void A_model_versions_uri_names_exactly_that_version()
    {
        var version = new ModelVersion(
            "taxi-duration", 3, "run-id", "model/model.zip", new string('a', 64), new Dictionary<string, double>(), [], "pu_do",
            new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, []);

        Assert.Equal("taxi-duration/3", version.Uri);
        Assert.Equal(ModelUri.ForVersion("taxi-duration", 3), ModelUri.Parse(version.Uri));
    }
}

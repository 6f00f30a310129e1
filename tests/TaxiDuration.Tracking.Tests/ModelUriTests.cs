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
}

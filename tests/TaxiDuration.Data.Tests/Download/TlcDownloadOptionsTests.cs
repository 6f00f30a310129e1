using TaxiDuration.Data.Download;

namespace TaxiDuration.Data.Tests.Download;

/// <summary>The download settings at their edges, and the message each invalid one gets.</summary>
public sealed class TlcDownloadOptionsTests
{
    public static TheoryData<TlcDownloadOptions, string> Invalid => new()
    {
        { new TlcDownloadOptions { BaseUri = new Uri("trip-data/", UriKind.Relative) }, "BaseUri must be an absolute http(s) URL, got 'trip-data/'. (Parameter 'BaseUri')" },
        { new TlcDownloadOptions { BaseUri = new Uri("ftp://mirror.test/tlc/") }, "BaseUri must be an absolute http(s) URL, got 'ftp://mirror.test/tlc/'. (Parameter 'BaseUri')" },
        { new TlcDownloadOptions { BaseUri = null! }, "BaseUri must be an absolute http(s) URL, got ''. (Parameter 'BaseUri')" },
        { new TlcDownloadOptions { MaxAttempts = 0 }, "MaxAttempts must be at least 1, got 0. (Parameter 'MaxAttempts')" },
        { new TlcDownloadOptions { AttemptTimeout = TimeSpan.Zero }, "AttemptTimeout must be positive, got 00:00:00. (Parameter 'AttemptTimeout')" },
        { new TlcDownloadOptions { InitialRetryDelay = TimeSpan.FromSeconds(-1) }, "InitialRetryDelay must be between zero and a day, got -00:00:01. (Parameter 'InitialRetryDelay')" },
        { new TlcDownloadOptions { InitialRetryDelay = TimeSpan.FromDays(1).Add(TimeSpan.FromSeconds(1)) }, "InitialRetryDelay must be between zero and a day, got 1.00:00:01. (Parameter 'InitialRetryDelay')" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_is_named_with_its_value(TlcDownloadOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_limits_themselves_are_allowed()
    {
        var options = new TlcDownloadOptions
        {
            BaseUri = new Uri("http://mirror.test/"),
            MaxAttempts = 1,
            AttemptTimeout = TimeSpan.FromTicks(1),
            InitialRetryDelay = TimeSpan.FromDays(1),
        };

        options.Validate();
        options.InitialRetryDelay = TimeSpan.Zero;
        options.Validate();

        Assert.Equal(TimeSpan.Zero, options.InitialRetryDelay);
    }
}

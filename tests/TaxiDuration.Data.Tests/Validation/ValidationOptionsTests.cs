using TaxiDuration.Data.Validation;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Validation;

/// <summary>The limits at their edges, and the message a person gets for each invalid one.</summary>
public sealed class ValidationOptionsTests
{
    [Fact]
    public void A_minimum_of_zero_rows_is_allowed_and_an_empty_batch_then_has_enough()
    {
        var report = new TripDataValidator(new DataValidationOptions { MinRows = 0 }).Validate(ReadOnlySpan<TripRecord>.Empty);

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.Equal("0 (minimum 0)", report.Checks[0].Detail);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Shares_of_exactly_zero_and_one_are_allowed(double share)
    {
        var options = new DataValidationOptions { MaxNullShare = share, MaxOutOfMonthShare = share, MaxRejectedShare = share };

        options.Validate();

        Assert.Equal(share, options.MaxNullShare);
    }

    public static TheoryData<DataValidationOptions, string> Invalid => new()
    {
        { new DataValidationOptions { MinRows = -1 }, "MinRows must be zero or more, got -1. (Parameter 'MinRows')" },
        { new DataValidationOptions { MaxNullShare = 2 }, "MaxNullShare must be a share between 0 and 1, got 2. (Parameter 'MaxNullShare')" },
        { new DataValidationOptions { MaxRejectedShare = -1 }, "MaxRejectedShare must be a share between 0 and 1, got -1. (Parameter 'MaxRejectedShare')" },
        { new DataValidationOptions { MaxTripDistanceMiles = 0 }, "MaxTripDistanceMiles must be positive, got 0. (Parameter 'MaxTripDistanceMiles')" },
        { new DataValidationOptions { MaxTripDuration = TimeSpan.Zero }, "MaxTripDuration must be positive, got 00:00:00. (Parameter 'MaxTripDuration')" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_limit_is_named_with_its_value(DataValidationOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(message, error.Message);
    }
}

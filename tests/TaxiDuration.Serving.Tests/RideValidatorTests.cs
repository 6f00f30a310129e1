using TaxiDuration.Trips;

namespace TaxiDuration.Serving.Tests;

/// <summary>The validator on its own: what JSON cannot send (NaN, infinities) and the exact limits.</summary>
public sealed class RideValidatorTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_distance_that_is_not_a_finite_number_is_refused_by_name(double distance)
    {
        var errors = RideValidator.Validate(new RideRequest(43, 151, distance), "rides[2].");

        var message = Assert.Single(Assert.IsType<Dictionary<string, string[]>>(errors)["rides[2].trip_distance"]);
        Assert.Contains("finite", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(TripLimits.MaxDistanceMiles)]
    public void The_limits_themselves_are_valid(double distance) =>
        Assert.Null(RideValidator.Validate(new RideRequest(1, 265, distance)));

    [Theory]
    [InlineData(-0.001, "negative")]
    [InlineData(TripLimits.MaxDistanceMiles + 0.001, "exceed")]
    public void Just_past_a_limit_is_refused(double distance, string expected)
    {
        var errors = RideValidator.Validate(new RideRequest(1, 265, distance));

        Assert.Contains(expected, Assert.Single(Assert.IsType<Dictionary<string, string[]>>(errors)["trip_distance"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(266, 1)]
    [InlineData(1, 0)]
    public void A_zone_outside_1_to_265_is_refused(int pickup, int dropoff) =>
        Assert.NotNull(RideValidator.Validate(new RideRequest(pickup, dropoff, 1.0)));
}

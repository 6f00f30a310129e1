using System.ComponentModel.DataAnnotations;
using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>Impossible options and inconsistent inputs fail loudly instead of producing a plausible-looking verdict.</summary>
public sealed class InputValidationTests
{
    [Fact]
    public void The_defaults_are_the_documented_thresholds()
    {
        var options = new GateOptions();

        Assert.Equal(5_000, options.MinimumTrips);
        Assert.Equal(0.01, options.MinimumRelativeImprovement);
        Assert.Equal(2_000, options.BootstrapResamples);
        Assert.Equal(20_240_501, options.BootstrapSeed);
        Assert.Equal(0.95, options.ConfidenceLevel);
        Assert.Equal(500, options.SliceMinimumTrips);
        Assert.Equal(1.02, options.SliceMaxRmseRatio);
        Assert.Equal(10, options.TopPickupZones);
        Assert.Equal(1.5, options.MaxScoringCostRatio);
        Assert.Equal(1_440, options.MaxPredictionMinutes);
        Assert.Equal(15, options.AbsoluteMaxRmse);
    }

    [Theory]
    [InlineData(nameof(GateOptions.MinimumTrips), 0)]
    [InlineData(nameof(GateOptions.MinimumRelativeImprovement), 1)]
    [InlineData(nameof(GateOptions.BootstrapResamples), 0)]
    [InlineData(nameof(GateOptions.ConfidenceLevel), 1)]
    [InlineData(nameof(GateOptions.ConfidenceLevel), 0)]
    [InlineData(nameof(GateOptions.SliceMinimumTrips), 0)]
    [InlineData(nameof(GateOptions.SliceMaxRmseRatio), 0.99)]
    [InlineData(nameof(GateOptions.MaxScoringCostRatio), 0.5)]
    [InlineData(nameof(GateOptions.AbsoluteMaxRmse), 0)]
    public void An_option_out_of_range_is_refused_when_the_gate_is_built(string option, double value)
    {
        var options = option switch
        {
            nameof(GateOptions.MinimumTrips) => new GateOptions { MinimumTrips = (int)value },
            nameof(GateOptions.MinimumRelativeImprovement) => new GateOptions { MinimumRelativeImprovement = value },
            nameof(GateOptions.BootstrapResamples) => new GateOptions { BootstrapResamples = (int)value },
            nameof(GateOptions.ConfidenceLevel) => new GateOptions { ConfidenceLevel = value },
            nameof(GateOptions.SliceMinimumTrips) => new GateOptions { SliceMinimumTrips = (int)value },
            nameof(GateOptions.SliceMaxRmseRatio) => new GateOptions { SliceMaxRmseRatio = value },
            nameof(GateOptions.MaxScoringCostRatio) => new GateOptions { MaxScoringCostRatio = value },
            _ => new GateOptions { AbsoluteMaxRmse = value },
        };

        var error = Assert.Throws<ValidationException>(() => new PromotionGate(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trip_without_a_champion_prediction_is_refused_when_a_champion_is_named()
    {
        var trips = new[] { Trips.Make(0, 8, 10, 11, 12), Trips.Make(0, 9, 10, 11, null) };

        var error = Assert.Throws<ArgumentException>(() => Trips.Compare(trips));

        Assert.StartsWith("Trip 1 has no champion prediction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_champion_prediction_without_a_named_champion_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PairedScores(Trips.Month, Trips.Challenger, null, [Trips.Make(0, 8, 10, 11, 12)]));
    }

    [Theory]
    [InlineData(-1.0, 12.0, 8)]
    [InlineData(double.NaN, 12.0, 8)]
    [InlineData(10.0, double.NaN, 8)]
    [InlineData(10.0, 12.0, 24)]
    public void An_impossible_trip_is_refused(double actual, double champion, int hour)
    {
        var trip = Trips.Make(0, 8, actual, 11, champion) with { PickupHour = hour };

        Assert.Throws<ArgumentException>(() => Trips.Compare([trip]));
    }

    [Fact]
    public void No_trips_or_a_model_without_a_positive_cost_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Trips.Compare([]));
        Assert.Throws<ArgumentException>(() => Trips.Compare([Trips.Make(0, 8, 10, 11, 12)], Trips.Challenger with { SecondsPerRow = 0 }));
        Assert.Throws<ArgumentException>(() => Trips.Compare([Trips.Make(0, 8, 10, 11, 12)], Trips.Challenger with { Uri = " " }));
    }
}

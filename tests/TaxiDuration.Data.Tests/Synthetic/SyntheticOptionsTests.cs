using TaxiDuration.Data.Synthetic;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>The synthetic settings at their edges, and the message each invalid one gets.</summary>
public sealed class SyntheticOptionsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(50_000_000, 1_048_576)]
    public void The_row_limits_themselves_are_allowed(int rows, int rowGroupRows)
    {
        var options = new SyntheticMonthOptions { Rows = rows, RowGroupRows = rowGroupRows };

        options.Validate();

        Assert.Equal(rows, options.Rows);
    }

    public static TheoryData<SyntheticMonthOptions, string> Invalid => new()
    {
        { new SyntheticMonthOptions { Rows = 0 }, "Rows must be between 1 and 50,000,000, got 0. (Parameter 'Rows')" },
        { new SyntheticMonthOptions { Rows = 50_000_001 }, "Rows must be between 1 and 50,000,000, got 50000001. (Parameter 'Rows')" },
        { new SyntheticMonthOptions { RowGroupRows = 0 }, "RowGroupRows must be at least 1, got 0. (Parameter 'RowGroupRows')" },
        { new SyntheticMonthOptions { Scenario = (SyntheticScenario)99 }, "Scenario '99' is not a known scenario. (Parameter 'Scenario')" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_is_named_with_its_value(SyntheticMonthOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_choice_needs_a_weight()
    {
        var error = Assert.Throws<ArgumentException>(() => new WeightedChoice([]));

        Assert.Equal("at least one weight is needed (Parameter 'weights')", error.Message);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2, 0)]
    [InlineData(0.25, 1)] // exactly the end of the first weight: the next choice starts there
    [InlineData(0.4, 1)]
    [InlineData(0.5, 2)]
    [InlineData(0.99, 2)]
    public void A_draw_lands_in_the_choice_whose_share_of_the_weights_holds_it(double draw, int expected)
    {
        // Weights 1, 1, 2 of 4: [0, 0.25) is the first choice, [0.25, 0.5) the second, [0.5, 1) the third.
        Assert.Equal(expected, new WeightedChoice([1, 1, 2]).Draw(new FixedDraw(draw)));
    }

    /// <summary>A random source that always draws the same number, so a test picks where in the weights it lands.</summary>
    private sealed class FixedDraw(double value) : Random
    {
        public override double NextDouble() => value;
    }
}

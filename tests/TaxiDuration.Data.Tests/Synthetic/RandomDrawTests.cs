using TaxiDuration.Data.Synthetic;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>The two draws the generator builds on: a uniform draw in a range and a standard normal one.</summary>
public sealed class RandomDrawTests
{
    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(0.5, 15.0)]
    [InlineData(0.75, 17.5)]
    public void A_draw_in_a_range_scales_the_unit_draw_onto_it(double unit, double expected)
    {
        Assert.Equal(expected, new Draws(unit).NextDouble(10, 20), 12);
    }

    [Fact]
    public void A_normal_draw_turns_radius_and_angle_into_one_coordinate()
    {
        // Box–Muller: the first draw gives the radius sqrt(-2 ln(1 - u)) = 2, the second the angle 2π·0.5 = π, so -2.
        var radiusTwo = 1 - Math.Exp(-2);

        Assert.Equal(-2, new Draws(radiusTwo, 0.5).NextGaussian(), 9);
        Assert.Equal(2, new Draws(radiusTwo, 0.0).NextGaussian(), 9);
    }

    [Fact]
    public void Normal_draws_have_mean_zero_and_variance_one()
    {
        var random = new Random(5);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();

        var mean = draws.Average();
        var variance = draws.Select(draw => (draw - mean) * (draw - mean)).Average();

        // Standard errors at 200,000 draws: 0.0022 for the mean, 0.0032 for the variance; these bounds are about 5 of them.
        Assert.InRange(mean, -0.012, 0.012);
        Assert.InRange(variance, 0.984, 1.016);
    }

    /// <summary>A random source that draws the given numbers in turn, so a test decides each draw.</summary>
    private sealed class Draws(params double[] values) : Random
    {
        private int next;

        public override double NextDouble() => values[next++ % values.Length];
    }
}

using System.Globalization;

namespace TaxiDuration.TrainingPipeline.Search;

/// <summary>One hyper-parameter's search range and how to draw from it.</summary>
public abstract record ParameterRange(string Name)
{
    /// <summary>Draws one value; the caller owns the random source so a whole search is reproducible by seed.</summary>
    public abstract double Sample(Random random);

    // Three significant digits: finer differences are noise for a search of a few trials, and logged parameters
    // stay readable (learningRate=0.0626, not 0.06260978583408792).
    private protected static double Readable(double value) =>
        value == 0 ? 0 : Math.Round(value, Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15));

    public override string ToString() => Name;
}

/// <summary>Uniform between <paramref name="Min"/> and <paramref name="Max"/>.</summary>
public sealed record UniformRange(string Name, double Min, double Max) : ParameterRange(Name)
{
    public override double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Readable(Min + (random.NextDouble() * (Max - Min)));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ~ U[{Min}, {Max}]");
}

/// <summary>
/// Log-uniform: each order of magnitude is equally likely. Learning rates and regularisation strengths live on
/// this scale; a uniform draw would spend almost every trial near the top of the range.
/// </summary>
public sealed record LogUniformRange(string Name, double Min, double Max) : ParameterRange(Name)
{
    public override double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Min <= 0)
        {
            throw new InvalidOperationException($"{Name}: a log-uniform range needs a positive minimum, not {Min}.");
        }

        return Readable(Math.Exp(Math.Log(Min) + (random.NextDouble() * (Math.Log(Max) - Math.Log(Min)))));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ~ logU[{Min}, {Max}]");
}

/// <summary>An integer from <paramref name="Min"/> to <paramref name="Max"/> inclusive.</summary>
public sealed record IntegerRange(string Name, int Min, int Max) : ParameterRange(Name)
{
    public override double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(Min, Max + 1);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ∈ {{{Min}..{Max}}}");
}

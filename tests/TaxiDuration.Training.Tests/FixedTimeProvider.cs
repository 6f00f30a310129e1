namespace TaxiDuration.Training.Tests;

/// <summary>A clock frozen at one instant, so metadata timestamps can be asserted exactly.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// A model as the gate sees it: which one it is (for the report, so a decision can be traced to exact versions)
/// and what scoring one row cost (a better model that is much slower may not be worth serving).
/// </summary>
/// <param name="Uri">An exact version, e.g. <c>taxi-duration/7</c>; an alias would make the report ambiguous later.</param>
/// <param name="SecondsPerRow">Measured scoring cost per row, seconds; positive and finite.</param>
public sealed record ScoredModel(string Uri, double SecondsPerRow)
{
    /// <summary>Fails fast on identifiers or costs that would make the report or the cost rule meaningless.</summary>
    /// <exception cref="ArgumentException">The URI is blank or the cost is not a positive finite number.</exception>
    internal void Validate(string role)
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            throw new ArgumentException($"The {role}'s model URI is blank; the report must name the exact version.", role);
        }

        if (!double.IsFinite(SecondsPerRow) || SecondsPerRow <= 0)
        {
            throw new ArgumentException($"The {role}'s scoring cost must be a positive number of seconds per row, was {SecondsPerRow}.", role);
        }
    }
}

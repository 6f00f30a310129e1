namespace TaxiDuration.Architecture.Tests;

/// <summary>A rule about the level services: skipped, saying so, in a fork of level 0, which has none.</summary>
public sealed class ServingHostFactAttribute : FactAttribute
{
    public ServingHostFactAttribute()
    {
        if (!ServingHostClosureTests.HostNames().Any())
        {
            Skip = ServingHostTheoryAttribute.NoService;
        }
    }
}

/// <summary>A rule checked on every level service; skipped, saying so, where there is none (xunit fails a theory without data).</summary>
public sealed class ServingHostTheoryAttribute : TheoryAttribute
{
    public const string NoService = "No level service (levels/levelN/Api) in this repository: a fork of level 0.";

    public ServingHostTheoryAttribute()
    {
        if (!ServingHostClosureTests.HostNames().Any())
        {
            Skip = NoService;
        }
    }
}

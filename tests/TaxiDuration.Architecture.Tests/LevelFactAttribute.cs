namespace TaxiDuration.Architecture.Tests;

/// <summary>
/// A rule about one level's files: skipped, saying so, in a fork of another level (dotnet new mlops-levelN keeps only
/// its own level), run everywhere the level is.
/// </summary>
public sealed class LevelFactAttribute : FactAttribute
{
    public LevelFactAttribute(int level)
    {
        if (!Directory.Exists(Path.Combine(Repository.Root, "levels", $"level{level}")))
        {
            Skip = $"levels/level{level} is not in this repository (a fork of another level).";
        }
    }
}
